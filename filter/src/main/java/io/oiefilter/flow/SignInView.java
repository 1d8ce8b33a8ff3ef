package io.oiefilter.flow;

/** The pages of the sign-in flow; each is one JSP under the view prefix. */
public enum SignInView {
    /** identify (or identify-recovery): the identifier, and the password too when the org asks for both at once. */
    IDENTIFY("sign-in"),
    /** enroll-profile: the sign-up form, its fields as the org's profile enrollment policy asks. */
    SIGN_UP("sign-up"),
    /** challenge-authenticator for the password. */
    PASSWORD("password"),
    /** A code sent by email: challenge-authenticator or enroll-authenticator for email. */
    CODE("code"),
    /**
     * A code from an authenticator app (Google Authenticator): to set it up, its QR code and secret
     * then a code; to verify, a code. Nothing is sent, so there is nothing to resend.
     */
    OTP("otp"),
    /** A security question: to set it up (one of Okta's, or the person's own) and its answer; or to answer it. */
    QUESTION("security-question"),
    /**
     * The phone, before its code: how to send it (SMS or voice, as the org allows) and, to set the phone up, the
     * number. The code itself is asked on the CODE page.
     */
    PHONE("phone"),
    /**
     * A security key or biometric (WebAuthn, passkeys): the browser creates a credential (set up) or signs Okta's
     * challenge with one (verify), and the page posts what it returned.
     */
    WEBAUTHN("webauthn"),
    /**
     * Okta Verify: to set it up, its QR code (or the link by email or SMS) while waiting for the phone; to verify, the push
     * (with the number to choose) while waiting for it, or the code from the app.
     */
    OKTA_VERIFY("okta-verify"),
    /** select-authenticator-authenticate or select-authenticator-enroll, with skip when Okta offers it. */
    SELECT("select"),
    /**
     * The activation-code page: "if this account is awaiting activation, we have sent a code to its
     * email". Shown alike after every failed identify when an activation strategy is on.
     */
    ACTIVATION_CODE("activation-code"),
    /** The same for strategies whose Okta email carries a link. */
    ACTIVATION_EMAIL("activation-email"),
    /** A new password: enrollment, reset after recovery, or an expired password; with the org's rules. */
    NEW_PASSWORD("new-password"),
    /** select-authenticator-unlock-account: the account to unlock and how to prove it (self-service unlock). */
    UNLOCK("unlock"),
    /** A state with nothing left to do but read Okta's message ("Account successfully unlocked!"). */
    TERMINAL("done"),
    /** After sign-out: says so, and offers to sign in again. */
    SIGNED_OUT("signed-out"),
    /** A step this filter does not handle yet. */
    UNSUPPORTED("unsupported"),
    /** Okta could not be used: a message and a retry link. */
    ERROR("error");

    private final String page;

    SignInView(String page) {
        this.page = page;
    }

    /** The JSP's file name, without the .jsp. */
    public String page() {
        return page;
    }
}
