package io.oiefilter.simulator.hosted;

import io.oiefilter.simulator.org.AuthenticatorKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The ID token's amr for the authenticators a sign-in verified, in Okta's recorded order: ["pwd","mfa","email"]. */
final class AmrValues {
    private AmrValues() {
    }

    static List<String> of(Set<AuthenticatorKind> verified) {
        List<String> out = new ArrayList<>();
        for (AuthenticatorKind k : AuthenticatorKind.values()) {
            if (verified.contains(k)) {
                out.add(switch (k) {
                    case PASSWORD -> "pwd";
                    case EMAIL -> "email";
                    case GOOGLE_OTP -> "otp";
                    case SECURITY_QUESTION -> "kba";
                    case PHONE -> "sms";
                    case WEBAUTHN -> "hwk";
                    case OKTA_VERIFY -> "swk";
                });
            }
        }
        if (out.size() > 1) {
            out.add(1, "mfa");
        }
        return out;
    }
}
