package io.oiefilter.simulator.oauth;

import io.oiefilter.simulator.org.AuthenticatorKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The ID token's {@code amr}: how the person proved who they are in this transaction, in Okta's order and words.
 * Okta's recorded token after a password and an email code says {@code ["pwd","mfa","email"]}: the password first,
 * {@code mfa} when two or more authenticators were verified, then the others (RFC 8176 values where one exists:
 * otp, sms, tel, kba, hwk, swk; Okta's own "email").
 */
public final class AuthenticationMethods {
    private AuthenticationMethods() {
    }

    /** @param phoneByVoice whether a phone code went by voice call ("tel") rather than SMS ("sms") */
    public static List<String> of(Collection<AuthenticatorKind> verified, boolean phoneByVoice) {
        List<String> amr = new ArrayList<>();
        if (verified.contains(AuthenticatorKind.PASSWORD)) {
            amr.add("pwd");
        }
        if (verified.size() >= 2) {
            amr.add("mfa");
        }
        for (AuthenticatorKind k : AuthenticatorKind.values()) {
            if (k != AuthenticatorKind.PASSWORD && verified.contains(k)) {
                amr.add(switch (k) {
                    case EMAIL -> "email";
                    case GOOGLE_OTP -> "otp";
                    case PHONE -> phoneByVoice ? "tel" : "sms";
                    case SECURITY_QUESTION -> "kba";
                    case WEBAUTHN -> "hwk";
                    case OKTA_VERIFY -> "swk";
                    case PASSWORD -> throw new AssertionError();
                });
            }
        }
        return List.copyOf(amr);
    }
}
