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
 * @param methods     its methods as Okta lists them ("sms", "voice"): for a phone, the one a code went by once sent
 * @param webAuthnOptions WebAuthn's options for navigator.credentials as Okta gave them (activationData to create,
 *                    challengeData plus the enrolled credential ids to get), as bounded JSON; else null
 * @param verify      what an Okta Verify step adds (push, number, enrollment link...), else null
 */
public record IdxAuthenticator(String type, String resendHref, String recoverHref, PasswordRules rules, String sentTo, String key,
                               String sharedSecret, IdxQuestion question, java.util.List<IdxQuestion> questions,
                               java.util.List<String> methods, String webAuthnOptions, IdxVerify verify)
        implements Serializable {
    public IdxAuthenticator {
        questions = questions == null ? java.util.List.of() : java.util.List.copyOf(questions);
        methods = methods == null ? java.util.List.of() : java.util.List.copyOf(methods);
    }

    public IdxAuthenticator(String type, String resendHref, String recoverHref, PasswordRules rules, String sentTo, String key,
                            String sharedSecret, IdxQuestion question, java.util.List<IdxQuestion> questions) {
        this(type, resendHref, recoverHref, rules, sentTo, key, sharedSecret, question, questions, java.util.List.of(), null, null);
    }

    public IdxAuthenticator(String type, String resendHref, String recoverHref, PasswordRules rules, String sentTo) {
        this(type, resendHref, recoverHref, rules, sentTo, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        // The shared secret is a credential: never in a log line.
        return "IdxAuthenticator{" + type + ", " + key + "}";
    }
}
