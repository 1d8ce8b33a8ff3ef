package io.oiefilter.flow;

import io.oiefilter.idx.IdxTransaction;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * What the HTTP session keeps of a sign-in in progress; small and Serializable (clustered apps fail
 * over mid-sign-in).
 *
 * @param transaction  the IDX transaction; null until the person sends the first form (an anonymous
 *                     page view costs Okta nothing)
 * @param identifier   the identifier typed, to show it back (escaped)
 * @param flowId       a random id of this sign-in: the key of its counters in the attempt store, which
 *                     are atomic where the session is not
 * @param stepNumber   counts the pages this sign-in went through; forms carry it back
 * @param codeSentAt   when the last code was sent (for the resend countdown shown); on the Okta Verify page, when Okta last
 *                     answered (a poll waits Okta's refresh from then)
 * @param activation   whether this is an activation, and how far it is known to be one
 * @param deadline     when an activation page stops taking codes; the same for every kind of account
 * @param proof        how the email address is proven when Okta's IDX does not send the code itself
 * @param purpose      what the person set out to do, so that each page can say what it is for
 */
public record SignInState(IdxTransaction transaction, String identifier, String flowId, int stepNumber, Instant codeSentAt,
                          ActivationStage activation, Instant deadline, EmailProof proof, Purpose purpose) implements Serializable {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where an activation stands. */
    public enum ActivationStage {
        NONE,
        /**
         * Identify failed: the activation page is shown whatever the account is (no account
         * enumeration). An activation may be starting in the background; until it is joined, or if
         * none started, this is the stage, and no code will match.
         */
        UNIFORM,
        /** An activation really started (joined, or from an activation link). */
        STARTED
    }

    /** What the person set out to do: the same code page reads differently for each. */
    public enum Purpose {
        SIGN_IN, RECOVERY, SIGN_UP, UNLOCK,
        /** Opened from an activation link: the person holds the account's token, so its pages may say so. */
        ACTIVATION
    }

    public SignInState {
        purpose = purpose == null ? Purpose.SIGN_IN : purpose;
    }

    /** Written deflated: a clustered session writes it to its replicas, often on every request. */
    @java.io.Serial
    private Object writeReplace() throws java.io.ObjectStreamException {
        return io.oiefilter.session.CompactSerialForm.of(this);
    }

    /** A sign-in not begun yet: the first page, and no Okta transaction. */
    public static SignInState notBegun() {
        return new SignInState(null, null, newFlowId(), 0, null, ActivationStage.NONE, null, null, Purpose.SIGN_IN);
    }

    /** Before an activation link's transaction begins: an activation from the start. */
    public static SignInState activationLink() {
        return new SignInState(null, null, newFlowId(), 0, null, ActivationStage.STARTED, null, null, Purpose.ACTIVATION);
    }

    public static SignInState of(IdxTransaction tx) {
        return new SignInState(tx, null, newFlowId(), 0, null, ActivationStage.NONE, null, null, Purpose.SIGN_IN);
    }

    public boolean begun() {
        return transaction != null;
    }

    /** The same page, with the transaction as Okta now states it. */
    public SignInState with(IdxTransaction tx) {
        return new SignInState(tx, identifier, flowId, stepNumber, codeSentAt, activation, deadline, proof, purpose);
    }

    /** The next page. */
    public SignInState advancedTo(IdxTransaction tx) {
        return new SignInState(tx, identifier, flowId, stepNumber + 1, codeSentAt, activation, deadline, proof, purpose);
    }

    public SignInState withIdentifier(String id) {
        return new SignInState(transaction, id, flowId, stepNumber, codeSentAt, activation, deadline, proof, purpose);
    }

    public SignInState withCodeSentAt(Instant at) {
        return new SignInState(transaction, identifier, flowId, stepNumber, at, activation, deadline, proof, purpose);
    }

    /** The activation page after a failed identify: a new flow id, so its counters are its own. */
    public SignInState activationPage(Instant sentAt, Instant until) {
        return new SignInState(transaction, identifier, newFlowId(), stepNumber + 1, sentAt, ActivationStage.UNIFORM, until, null, purpose);
    }

    /** An activation that really started: its transaction and, unless Okta sends the code, the proof. */
    public SignInState activationStarted(IdxTransaction tx, EmailProof how) {
        return new SignInState(tx, identifier, flowId, stepNumber, codeSentAt, ActivationStage.STARTED, deadline, how, purpose);
    }

    /** The email address is proven (or a new code replaces the last one). */
    public SignInState withProof(EmailProof how) {
        return new SignInState(transaction, identifier, flowId, stepNumber, codeSentAt, activation, deadline, how, purpose);
    }

    public SignInState withPurpose(Purpose p) {
        return new SignInState(transaction, identifier, flowId, stepNumber, codeSentAt, activation, deadline, proof, p);
    }

    private static String newFlowId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String toString() {
        return "SignInState{" + transaction + ", step=" + stepNumber + ", activation=" + activation + ", purpose=" + purpose + "}";
    }
}
