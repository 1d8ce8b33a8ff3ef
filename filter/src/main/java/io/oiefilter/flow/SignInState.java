package io.oiefilter.flow;

import io.oiefilter.idx.IdxTransaction;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the HTTP session keeps of a sign-in in progress: the IDX transaction, the identifier typed
 * (to show it back, escaped), when the last code was sent (for the resend cooldown), whether this
 * is an activation, and how many wrong activation codes were typed.
 */
public record SignInState(IdxTransaction transaction, String identifier, Instant codeSentAt, ActivationStage activation,
                          int wrongCodes) implements Serializable {

    /** Where an activation stands. */
    public enum ActivationStage {
        NONE,
        /** An activation token started this transaction; Okta emailed a code. */
        STARTED,
        /**
         * Identify failed and no activation started: the same page is shown as if one had
         * (no account enumeration), and no code will ever match.
         */
        UNIFORM
    }

    public static SignInState of(IdxTransaction tx) {
        return new SignInState(tx, null, null, ActivationStage.NONE, 0);
    }

    public SignInState with(IdxTransaction tx) {
        return new SignInState(tx, identifier, codeSentAt, activation, wrongCodes);
    }

    public SignInState withIdentifier(String id) {
        return new SignInState(transaction, id, codeSentAt, activation, wrongCodes);
    }

    public SignInState withCodeSentAt(Instant at) {
        return new SignInState(transaction, identifier, at, activation, wrongCodes);
    }

    public SignInState withActivation(ActivationStage a) {
        return new SignInState(transaction, identifier, codeSentAt, a, 0);
    }

    public SignInState withWrongCode() {
        return new SignInState(transaction, identifier, codeSentAt, activation, wrongCodes + 1);
    }

    @Override
    public String toString() {
        return "SignInState{" + transaction + ", activation=" + activation + "}";
    }
}
