package io.oiefilter.audit;

import java.time.Instant;

/**
 * Something an operator audits: a sign-in that succeeded or failed, a sign-out, an activation's start, end or
 * refusal, a sign-up, a recovered password, an unlocked account, a throttle that held someone back. Never carries a
 * password, a code, a token or a secret; what a person typed ({@link #subject()} before sign-in) is neutralised.
 *
 * @param subject the signed-in principal, or the identifier as typed (neutralised); null when there is none
 * @param reason  why, as a stable key: the page's message key (e.g. {@code oie.error.passwordIncorrect}), Okta's
 *                failure kind, or what an activation said; null for a success
 */
public record AuditEvent(Type type, Instant at, String subject, String clientAddress, String reason) {
    public enum Type {
        SIGN_IN_SUCCEEDED,
        SIGN_IN_FAILED,
        SIGNED_OUT,
        SIGNED_UP,
        PASSWORD_RECOVERED,
        ACCOUNT_UNLOCKED,
        ACTIVATION_STARTED,
        ACTIVATION_COMPLETED,
        ACTIVATION_REFUSED,
        THROTTLED
    }
}
