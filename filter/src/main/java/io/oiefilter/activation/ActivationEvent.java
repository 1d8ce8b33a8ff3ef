package io.oiefilter.activation;

/**
 * Something that happened to an activation: every decision of the strategy, and what followed.
 * Never carries a token or a code.
 *
 * @param detail a short reason, e.g. the user's status or why it was refused
 */
public record ActivationEvent(Type type, String login, String clientAddress, String detail) {
    public enum Type {
        /** The strategy declined: not an account it activates (its reason in the detail). */
        NOT_APPLICABLE,
        /** The strategy gave an activation token: the filter goes on to have a code sent. */
        TOKEN_ISSUED,
        /** A code or an activation link was sent. */
        STARTED,
        COMPLETED,
        /** Something failed on the way (the strategy, Okta, the mail server). */
        REFUSED,
        THROTTLED
    }
}
