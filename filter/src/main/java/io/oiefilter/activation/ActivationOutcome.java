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

    private static final ActivationOutcome NOT_APPLICABLE = new ActivationOutcome(Kind.NOT_APPLICABLE, null);
    private static final ActivationOutcome EMAIL_SENT = new ActivationOutcome(Kind.EMAIL_SENT, null);

    private final Kind kind;
    private final String activationToken;

    private ActivationOutcome(Kind kind, String activationToken) {
        this.kind = kind;
        this.activationToken = activationToken;
    }

    public static ActivationOutcome notApplicable() {
        return NOT_APPLICABLE;
    }

    public static ActivationOutcome activationToken(String token) {
        return new ActivationOutcome(Kind.ACTIVATION_TOKEN, Objects.requireNonNull(token, "token"));
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

    @Override
    public String toString() {
        return "ActivationOutcome{" + kind + "}";
    }
}
