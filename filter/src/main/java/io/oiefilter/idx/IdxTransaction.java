package io.oiefilter.idx;

import java.io.Serializable;

/**
 * One sign-in transaction as the filter keeps it in the HTTP session: the PKCE and OIDC values it
 * started with and the current step. Immutable; each step returns a new one.
 */
public record IdxTransaction(String interactionHandle, String codeVerifier, String codeChallenge, String state,
                             String nonce, IdxStep step) implements Serializable {

    public IdxTransaction withStep(IdxStep next) {
        return new IdxTransaction(interactionHandle, codeVerifier, codeChallenge, state, nonce, next);
    }

    @Override
    public String toString() {
        return "IdxTransaction{" + step + "}";
    }
}
