package io.oiefilter.simulator.org;

/**
 * The authenticators the simulated org can offer, with Okta's keys, types, enrollment id prefixes and method
 * types. Google Authenticator is as recorded (widget mocks authenticator-enroll-google-authenticator.json and
 * authenticator-verification-google-authenticator.json, okta-idx-java scenario_10_3_2): key google_otp, type
 * app, one method of type otp, enrollments "uft…" (Okta's token:software:totp factor ids). The security question
 * is as recorded (okta-idx-java challenge-security-question-response.json, widget error-authenticator-enroll-security-question*.json):
 * key and type security_question, one method of that type, enrollments "qae…". The phone is as recorded (widget
 * authenticator-enroll-phone*.json, authenticator-verification-phone-*.json, okta-idx-java scenario_4_1_2): key phone_number,
 * type phone, methods sms and voice (as the org allows: {@link Org#phoneMethods()}), enrollments "sms…". WebAuthn is as recorded (widget
 * authenticator-enroll-webauthn.json, authenticator-verification-webauthn.json): key webauthn, type security_key,
 * displayName "Security Key or Biometric", one method of type webauthn, enrollments "fwf…".
 * Okta Verify is as recorded (widget mocks
 * authenticator-enroll-ov-*.json, authenticator-verification-okta-verify-*.json): key okta_verify, type app, methods push
 * and totp (signed_nonce, Okta FastPass, is recorded too but not simulated), enrollments "pfd…" (Okta's device factors).
 */
public enum AuthenticatorKind {
    PASSWORD("okta_password", "password", "Password", "lae", "password"),
    EMAIL("okta_email", "email", "Email", "eae", "email"),
    GOOGLE_OTP("google_otp", "app", "Google Authenticator", "uft", "otp"),
    SECURITY_QUESTION("security_question", "security_question", "Security Question", "qae", "security_question"),
    PHONE("phone_number", "phone", "Phone", "sms", "sms"),
    WEBAUTHN("webauthn", "security_key", "Security Key or Biometric", "fwf", "webauthn"),
    OKTA_VERIFY("okta_verify", "app", "Okta Verify", "pfd", "push");

    private final String key;
    private final String type;
    private final String displayName;
    private final String enrollmentPrefix;
    private final String methodType;

    AuthenticatorKind(String key, String type, String displayName, String enrollmentPrefix, String methodType) {
        this.key = key;
        this.type = type;
        this.displayName = displayName;
        this.enrollmentPrefix = enrollmentPrefix;
        this.methodType = methodType;
    }

    public String key() { return key; }
    public String type() { return type; }
    public String displayName() { return displayName; }
    public String enrollmentPrefix() { return enrollmentPrefix; }
    /** The type of its one method (methods[0].type, and an option's methodType): "otp" for Google Authenticator. */
    public String methodType() { return methodType; }

    /** All its methods, in the order Okta lists them: Okta Verify's push and totp, the others their one method. */
    public java.util.List<String> methods() {
        return this == OKTA_VERIFY ? java.util.List.of("push", "totp") : java.util.List.of(methodType);
    }

    public static AuthenticatorKind byKeyOrType(String s) {
        for (AuthenticatorKind k : values()) {
            if (k.key.equals(s) || k.type.equals(s) || k.name().equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown authenticator " + s);
    }
}
