package io.oiefilter.activation;

import java.util.Objects;

/** A strategy's answer. The activation token never appears in {@link #toString()}. */
public final class ActivationOutcome {
    /** What happened. */
    public enum Kind {
        /** Not an account awaiting activation (or the strategy will not act): sign-in fails as usual. */
        NOT_APPLICABLE,
        /** Activation started with a token: the filter continues in IDX with it. */
        ACTIVATION_TOKEN,
        /** Okta emailed its activation link. */
        EMAIL_SENT
    }

    private static final ActivationOutcome NOT_APPLICABLE = new ActivationOutcome(Kind.NOT_APPLICABLE, null, null, null,
            "the strategy gave no reason");
    private static final ActivationOutcome EMAIL_SENT = new ActivationOutcome(Kind.EMAIL_SENT, null, null, null, null);

    private final Kind kind;
    private final String activationToken;
    private final String email;
    private final String userId;
    private final String reason;

    private ActivationOutcome(Kind kind, String activationToken, String email, String userId, String reason) {
        this.kind = kind;
        this.activationToken = activationToken;
        this.email = email;
        this.userId = userId;
        this.reason = reason;
    }

    public static ActivationOutcome notApplicable() {
        return NOT_APPLICABLE;
    }

    /**
     * Not applicable, and why: the operator reads it in the log and in the activation event (never
     * the person, whose page is the same either way). No secret belongs in it.
     */
    public static ActivationOutcome notApplicable(String reason) {
        return new ActivationOutcome(Kind.NOT_APPLICABLE, null, null, null, Objects.requireNonNull(reason, "reason"));
    }

    public static ActivationOutcome activationToken(String token) {
        return activationToken(token, null);
    }

    /**
     * With the account's email address, for orgs whose policy offers no email authenticator: a
     * configured {@link CodeSender} then proves the address itself.
     */
    public static ActivationOutcome activationToken(String token, String email) {
        return activationToken(token, email, null);
    }

    /**
     * With the Okta user id too: when the person already enrolled their email in an earlier,
     * abandoned activation, the filter challenges that enrolled email through the Management API.
     * (Without the id it looks the login up.)
     */
    public static ActivationOutcome activationToken(String token, String email, String userId) {
        return new ActivationOutcome(Kind.ACTIVATION_TOKEN, Objects.requireNonNull(token, "token"), email, userId, null);
    }

    public static ActivationOutcome emailSent() {
        return EMAIL_SENT;
    }

    public Kind kind() {
        return kind;
    }

    /** The token, for {@link Kind#ACTIVATION_TOKEN} only. */
    public String activationToken() {
        return activationToken;
    }

    /** The account's email address, when the strategy knows it. */
    public String email() {
        return email;
    }

    /** Why the strategy did not act, for {@link Kind#NOT_APPLICABLE}; null otherwise. */
    public String reason() {
        return reason;
    }

    /** The account's Okta user id, when the strategy knows it. */
    public String userId() {
        return userId;
    }

    @Override
    public String toString() {
        return "ActivationOutcome{" + kind + "}";
    }
}
