package io.oiefilter.simulator.org;

/** How the app's sign-on policy asks for the password. */
public enum SignOnMode {
    /** Identifier and password on one identify form. */
    ONE_STEP,
    /** Identifier first; the password is a challenge-authenticator step. */
    IDENTIFIER_FIRST
}
