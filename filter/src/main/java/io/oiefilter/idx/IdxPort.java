package io.oiefilter.idx;

/**
 * Everything the filter asks of Okta's IDX and token endpoints. The only implementation wraps
 * okta-idx-java ({@link io.oiefilter.idx.okta.OktaIdxPort}); no other class sees the SDK.
 */
public interface IdxPort {

    /** Starts a transaction: /v1/interact (PKCE, nonce, client secret), then introspect. */
    IdxTransaction begin() throws IdxException;

    /**
     * Starts a transaction with an activation token (confidential client: client secret and PKCE),
     * then introspects. An invalid, used or expired token is {@link IdxException.Kind#REJECTED}.
     */
    IdxTransaction beginActivation(String activationToken) throws IdxException;

    /** The transaction's current state, read again from Okta. */
    IdxStep introspect(IdxTransaction tx) throws IdxException;

    /** identify, with the password too when the form asks for it in one step (password may be null). */
    default IdxStep identify(IdxTransaction tx, String identifier, char[] password) throws IdxException {
        return identify(tx, identifier, password, false);
    }

    /** identify, with IDX's {@code rememberMe} ("Keep me signed in"). */
    IdxStep identify(IdxTransaction tx, String identifier, char[] password, boolean rememberMe) throws IdxException;

    /** select-identify: from the sign-up form back to the sign-in form, in the same transaction. */
    IdxStep selectIdentify(IdxTransaction tx) throws IdxException;

    /** unlock-account: asks for the self-service unlock form (identifier and a method). */
    IdxStep unlockAccount(IdxTransaction tx) throws IdxException;

    /** select-authenticator-unlock-account: the account to unlock and the authenticator to prove it with. */
    IdxStep selectUnlock(IdxTransaction tx, String identifier, String authenticatorId) throws IdxException;

    /**
     * Answers the current authenticator with a passcode: a password or code (challenge-authenticator,
     * enroll-authenticator) or a new password (reset-authenticator, reenroll-authenticator).
     */
    IdxStep answer(IdxTransaction tx, char[] passcode) throws IdxException;

    /**
     * Answers a security question: to verify it (the enrolled question's key), or to set it up (one of
     * Okta's questions, or {@code custom} with the person's own {@code question}, else null).
     */
    IdxStep answerQuestion(IdxTransaction tx, String questionKey, String question, char[] answer) throws IdxException;

    /**
     * Answers one of Okta's remediations with the values its form asks for (the state handle is
     * added): for the steps whose values are the authenticator's own, such as a phone number with
     * its method, an enrollment channel, a poll, or a WebAuthn attestation or assertion. Values are
     * strings, lists or nested maps of them, as IDX's JSON has them.
     */
    IdxStep proceed(IdxTransaction tx, String remediation, java.util.Map<String, Object> values) throws IdxException;

    /** Chooses an authenticator in select-authenticator-authenticate or select-authenticator-enroll. */
    IdxStep select(IdxTransaction tx, String authenticatorId) throws IdxException;

    /** Asks for a new code for the current authenticator. */
    IdxStep resend(IdxTransaction tx) throws IdxException;

    /** Skips the optional enrollments left. */
    IdxStep skip(IdxTransaction tx) throws IdxException;

    /** select-enroll-profile: asks for the sign-up form. */
    IdxStep selectEnrollProfile(IdxTransaction tx) throws IdxException;

    /** enroll-profile: sends the sign-up form's values (userProfile attributes). */
    IdxStep enrollProfile(IdxTransaction tx, java.util.Map<String, String> profile) throws IdxException;

    /** Starts password recovery (forgot password). */
    IdxStep recover(IdxTransaction tx) throws IdxException;

    /** Revokes a token at sign-out; failures are logged, not thrown (the session ends either way). */
    void revoke(String token, String tokenTypeHint);


    /** Exchanges the interaction code of a succeeded transaction for tokens. */
    TokenSet redeem(IdxTransaction tx) throws IdxException;

    /**
     * The refresh-token grant: new tokens (the ID token may be absent). A refresh token Okta no longer
     * accepts is {@link IdxException.Kind#REJECTED}.
     */
    TokenSet refresh(String refreshToken) throws IdxException;
}
