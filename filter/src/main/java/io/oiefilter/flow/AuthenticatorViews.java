package io.oiefilter.flow;

import io.oiefilter.idx.IdxOption;

import java.util.Map;
import java.util.Optional;

/**
 * The pages of each authenticator this filter handles: one line per authenticator. Okta names an
 * authenticator by its key ("google_otp", "okta_verify"...); the password and email ones are known
 * by their type too, as older steps do not always carry a key.
 */
final class AuthenticatorViews {

    /** The page that verifies the authenticator, and the page that sets it up. */
    record Views(SignInView challenge, SignInView enroll) {
    }

    private static final Map<String, Views> BY_KEY = Map.of(
            "google_otp", new Views(SignInView.OTP, SignInView.OTP),
            "security_question", new Views(SignInView.QUESTION, SignInView.QUESTION),
            "phone_number", new Views(SignInView.CODE, SignInView.CODE),
            "webauthn", new Views(SignInView.WEBAUTHN, SignInView.WEBAUTHN),
            "okta_verify", new Views(SignInView.OKTA_VERIFY, SignInView.OKTA_VERIFY));

    private static final Map<String, Views> BY_TYPE = Map.of(
            "password", new Views(SignInView.PASSWORD, SignInView.NEW_PASSWORD),
            "email", new Views(SignInView.CODE, SignInView.CODE));

    /** Okta Verify's methods these pages handle, in the order they are offered. */
    static final java.util.List<String> OKTA_VERIFY_METHODS = java.util.List.of("push", "totp");

    private AuthenticatorViews() {
    }

    /** The pages for an authenticator known by its key, else by its type; empty when the filter has none. */
    static Optional<Views> of(String key, String type) {
        Views byKey = key == null ? null : BY_KEY.get(key);
        if (byKey != null) {
            return Optional.of(byKey);
        }
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** Whether the filter has pages for the authenticator of this key. */
    static boolean knownKey(String key) {
        return key != null && BY_KEY.containsKey(key);
    }

    /** Whether a choice in a select step leads to an authenticator this filter has pages for. */
    static boolean supports(IdxOption option) {
        // A phone option's type is a method (sms, voice), not an authenticator type; an app is known by its key.
        if ("okta_verify".equals(option.key()) && !option.methods().isEmpty()
                && option.methods().stream().noneMatch(OKTA_VERIFY_METHODS::contains)) {
            return false; // Okta Verify by FastPass (signed_nonce) alone: not on these pages
        }
        return (option.key() != null && BY_KEY.containsKey(option.key()))
                || (option.type() != null && BY_TYPE.containsKey(option.type()));
    }
}
