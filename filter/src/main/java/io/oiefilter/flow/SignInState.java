package io.oiefilter.flow;

import io.oiefilter.idx.IdxTransaction;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the HTTP session keeps of a sign-in in progress: the IDX transaction, the identifier typed
 * (to show it back, escaped), when the last code was sent (for the resend cooldown), whether this
 * is an activation, how many wrong activation codes were typed, and the hash of a code the filter
 * sent itself.
 */
public record SignInState(IdxTransaction transaction, String identifier, Instant codeSentAt, ActivationStage activation,
                          int wrongCodes, LocalCode localCode) implements Serializable {

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
        return new SignInState(tx, null, null, ActivationStage.NONE, 0, null);
    }

    public SignInState with(IdxTransaction tx) {
        return new SignInState(tx, identifier, codeSentAt, activation, wrongCodes, localCode);
    }

    public SignInState withIdentifier(String id) {
        return new SignInState(transaction, id, codeSentAt, activation, wrongCodes, localCode);
    }

    public SignInState withCodeSentAt(Instant at) {
        return new SignInState(transaction, identifier, at, activation, wrongCodes, localCode);
    }

    public SignInState withActivation(ActivationStage a) {
        return new SignInState(transaction, identifier, codeSentAt, a, 0, localCode);
    }

    public SignInState withWrongCode() {
        return new SignInState(transaction, identifier, codeSentAt, activation, wrongCodes + 1, localCode);
    }

    /**
     * A code the filter emailed itself (when Okta will not), kept only as a salted hash; null when
     * there is none, or once it has been entered.
     */
    public SignInState withLocalCode(LocalCode code) {
        return new SignInState(transaction, identifier, codeSentAt, activation, wrongCodes, code);
    }

    @Override
    public String toString() {
        return "SignInState{" + transaction + ", activation=" + activation + "}";
    }
}
