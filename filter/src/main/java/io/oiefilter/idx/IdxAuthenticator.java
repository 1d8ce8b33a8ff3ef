package io.oiefilter.idx;

import java.io.Serializable;

/**
 * The authenticator a step is about (challenged, enrolled or reset).
 *
 * @param type        "password", "email", ...
 * @param resendHref  where to ask for a new code, if the authenticator sends codes
 * @param recoverHref where to start password recovery, if offered
 * @param rules       the password rules, for a password being set (null otherwise or when unknown)
 * @param sentTo      where a code went, as Okta shows it (a masked address such as "a***e@example.com"), or null
 * @param key         which authenticator ("google_otp", "okta_email"...), or null when Okta does not say
 * @param sharedSecret an authenticator app's secret while it is being enrolled (for the QR code and manual entry), else null
 * @param question    the security question to answer (a challenge), else null
 * @param questions   the security questions to choose from (an enrollment), else empty
 * @param verify      what an Okta Verify step adds (push, number, enrollment link...), else null
 */
public record IdxAuthenticator(String type, String resendHref, String recoverHref, PasswordRules rules, String sentTo, String key,
                               String sharedSecret, IdxQuestion question, java.util.List<IdxQuestion> questions, IdxVerify verify)
        implements Serializable {
    public IdxAuthenticator {
        questions = questions == null ? java.util.List.of() : java.util.List.copyOf(questions);
    }

    public IdxAuthenticator(String type, String resendHref, String recoverHref, PasswordRules rules, String sentTo) {
        this(type, resendHref, recoverHref, rules, sentTo, null, null, null, null, null);
    }

    @Override
    public String toString() {
        // The shared secret is a credential: never in a log line.
        return "IdxAuthenticator{" + type + ", " + key + "}";
    }
}
