package io.oiefilter.idx;

/**
 * Everything the filter asks of Okta's IDX and token endpoints. The only implementation wraps
 * okta-idx-java ({@link io.oiefilter.idx.okta.OktaIdxPort}); no other class sees the SDK.
 */
public interface IdxPort {

    /** Starts a transaction: /v1/interact (PKCE, nonce, client secret), then introspect. */
    IdxTransaction begin() throws IdxException;

    /** The transaction's current state, read again from Okta. */
    IdxStep introspect(IdxTransaction tx) throws IdxException;

    /** identify, with the password too when the form asks for it in one step (password may be null). */
    IdxStep identify(IdxTransaction tx, String identifier, char[] password) throws IdxException;

    /** challenge-authenticator or enroll-authenticator: answer with a passcode (password or code). */
    IdxStep answer(IdxTransaction tx, char[] passcode) throws IdxException;

    /** Starts over inside the same transaction (cancel). */
    IdxStep cancel(IdxTransaction tx) throws IdxException;

    /** Exchanges the interaction code of a succeeded transaction for tokens. */
    TokenSet redeem(IdxTransaction tx) throws IdxException;
}
