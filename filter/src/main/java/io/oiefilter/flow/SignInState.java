package io.oiefilter.flow;

import io.oiefilter.idx.IdxTransaction;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the HTTP session keeps of a sign-in in progress: the IDX transaction, the identifier typed
 * (to show it back, escaped) and when the last code was sent (for the resend cooldown).
 */
public record SignInState(IdxTransaction transaction, String identifier, Instant codeSentAt) implements Serializable {

    public static SignInState of(IdxTransaction tx) {
        return new SignInState(tx, null, null);
    }

    public SignInState with(IdxTransaction tx) {
        return new SignInState(tx, identifier, codeSentAt);
    }

    public SignInState withIdentifier(String id) {
        return new SignInState(transaction, id, codeSentAt);
    }

    public SignInState withCodeSentAt(Instant at) {
        return new SignInState(transaction, identifier, at);
    }

    @Override
    public String toString() {
        return "SignInState{" + transaction + "}";
    }
}
