package io.oiefilter.simulator.idx;

import java.util.List;

/**
 * Why a step was refused, as Okta words it.
 *
 * @param fieldLevel true when Okta puts the message on a field (passcode, a profile attribute) instead of at the top
 * @param params     the i18n params Okta sends with a field's message; null where Okta sends the i18n key alone
 */
public record Problem(int status, String message, String i18nKey, boolean fieldLevel, String field, List<String> params) {
    public Problem {
        params = params == null ? null : List.copyOf(params);
    }

    public Problem(int status, String message, String i18nKey, boolean fieldLevel, String field) {
        this(status, message, i18nKey, fieldLevel, field, List.of());
    }

    public Problem(int status, String message, String i18nKey, boolean fieldLevel) {
        this(status, message, i18nKey, fieldLevel, "passcode");
    }

    /** A profile attribute Okta refused, e.g. an email that is taken. */
    public static Problem profile(String field, String message, String i18nKey) {
        return new Problem(400, message, i18nKey, true, field);
    }

    public static final Problem AUTHENTICATION_FAILED = new Problem(400, "Authentication failed", "errors.E0000004", false);
    public static final Problem PASSWORD_INCORRECT = new Problem(401, "Password is incorrect", "incorrectPassword", false);
    public static final Problem CODE_INVALID = new Problem(401, "Invalid code. Try again.", "api.authn.error.PASSCODE_INVALID", true);
    public static final Problem LOCKED = new Problem(401, "This factor is suspended for your account due to too many failed attempts",
            "authfactor.challenge.suspended_factor", false);

    /**
     * A wrong Google Authenticator code, as recorded (widget mock error-authenticator-verification-on-google-otp-invalid-passcode.json):
     * under the passcode field, the i18n key without params. 401, as the SDK replays use for wrong passcodes.
     */
    public static final Problem TOTP_INVALID = new Problem(401, "API error: Your code doesn't match our records. Please try again.",
            "authfactor.challenge.soft_token.invalid_passcode", true, "passcode", null);
    /** A Google Authenticator code used before, as recorded (error-authenticator-verification-on-google-otp-used-passcode.json). */
    public static final Problem TOTP_USED = new Problem(401,
            "API error: Each code can only be used once. Please wait for a new code and try again.",
            "authfactor.challenge.soft_token.used_passcode", true, "passcode", null);

    /**
     * A new password outside the policy, as recorded (widget mock error-authenticator-reset-password-requirement.json):
     * under the passcode field, the whole policy listed, the part after "not met. " as the one i18n param.
     * {@code extra} follows the list (Okta adds e.g. "Your password cannot be any of your last 4 passwords.").
     */
    public static Problem passwordRequirements(List<String> requirements, String extra) {
        String detail = "Password requirements: " + String.join(", ", requirements) + "." + (extra == null ? "" : " " + extra);
        return new Problem(400, "Password requirements were not met. " + detail, "password.passwordRequirementsNotMet", true,
                "passcode", List.of(detail));
    }

    /** A new password on the common-password list, as recorded (widget mock error-authenticator-enroll-password-common.json). */
    public static final Problem PASSWORD_COMMON = new Problem(400,
            "This password was found in a list of commonly used passwords. Please try another password.", "password.common", true,
            "passcode", List.of(""));
}
