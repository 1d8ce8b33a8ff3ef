package io.oiefilter.simulator.idx;

/**
 * Why a step was refused, as Okta words it.
 *
 * @param fieldLevel true when Okta puts the message on the passcode field instead of at the top
 */
public record Problem(int status, String message, String i18nKey, boolean fieldLevel, String field) {
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

    public static Problem passwordRequirements(String unmet) {
        return new Problem(400, "Password requirements were not met. Password requirements: " + unmet + ".",
                "password.passwordRequirementsNotMet", true);
    }
}
