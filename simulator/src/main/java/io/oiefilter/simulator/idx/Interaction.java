package io.oiefilter.simulator.idx;

import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One IDX transaction, from /v1/interact to the token exchange. Every read and change happens
 * while holding its monitor.
 */
public final class Interaction {
    /** Why the transaction exists; decides which authenticators must be verified. */
    public enum Intent { LOGIN, ACTIVATION, RECOVERY, UNLOCK }

    /** What is being done with {@link #current}. */
    public enum Mode { CHALLENGE, ENROLL, RESET, REENROLL }

    final String interactionHandle;
    final OrgApp app;
    final List<String> scopes;
    final String codeChallenge;
    final String redirectUri;
    final String state;
    final String nonce;
    final Instant expiresAt;
    String stateHandle;
    Intent intent = Intent.LOGIN;
    /** The person chose to sign up: the profile form is offered instead of identify. */
    boolean signingUp;
    OrgUser user;
    final Set<AuthenticatorKind> verified = EnumSet.noneOf(AuthenticatorKind.class);
    boolean optionalSkipped;
    AuthenticatorKind current;
    Mode mode;
    String emailCode;
    Instant emailCodeExpires;
    Instant emailCodeSentAt;
    /** The secret of a Google Authenticator enrollment in progress (shown as sharedSecret and QR code), until confirmed. */
    String totpSecret;
    /** The phone in progress: its number (E.164; enrolling, the one typed), the method a code went by, that code. */
    String phoneNumber;
    String phoneMethod;
    String phoneCode;
    /** The method ("sms" or "voice") of the phone code that was verified, kept for the ID token's amr. */
    String phoneVerifiedBy;
    Instant phoneCodeExpires;
    Instant phoneCodeSentAt;
    /** The base64url challenge of a WebAuthn enrollment or verification in progress (activationData / challengeData). */
    String webAuthnChallenge;
    /** Okta Verify in progress: the method chosen (push or totp), the enrollment channel, and where a link went. */
    String ovMethod;
    String ovChannel;
    String ovLinkSentTo;
    Offer offer;
    String interactionCode;
    boolean codeRedeemed;
    /** Self-service unlock: the identifier as typed, the LOCKED_OUT user it names (else null), and whether it is done. */
    String unlockIdentifier;
    OrgUser unlockTarget;
    boolean unlocked;
    /** What the last identify request said about "Remember this device" (null when it said nothing); recorded only. */
    Boolean rememberMe;

    Interaction(String interactionHandle, OrgApp app, List<String> scopes, String codeChallenge,
                String redirectUri, String state, String nonce, Instant expiresAt) {
        this.interactionHandle = interactionHandle;
        this.app = app;
        this.scopes = List.copyOf(scopes);
        this.codeChallenge = codeChallenge;
        this.redirectUri = redirectUri;
        this.state = state;
        this.nonce = nonce;
        this.expiresAt = expiresAt;
    }

    /**
     * Back to the org's first page, as Okta's cancel does: login intent, no user, nothing verified,
     * nothing in progress (sign-up form, password, recovery, activation alike).
     */
    void restart() {
        intent = Intent.LOGIN;
        signingUp = false;
        user = null;
        verified.clear();
        phoneVerifiedBy = null;
        optionalSkipped = false;
        current = null;
        mode = null;
        emailCode = null;
        emailCodeExpires = null;
        emailCodeSentAt = null;
        totpSecret = null;
        clearPhone();
        webAuthnChallenge = null;
        ovMethod = null;
        ovChannel = null;
        ovLinkSentTo = null;
        unlockIdentifier = null;
        unlockTarget = null;
        unlocked = false;
    }

    void clearPhone() {
        phoneNumber = null;
        phoneMethod = null;
        phoneCode = null;
        phoneCodeExpires = null;
        phoneCodeSentAt = null;
    }

    public OrgApp app() { return app; }
    public OrgUser user() { return user; }
    public List<String> scopes() { return scopes; }
    public String nonce() { return nonce; }
    public String codeChallenge() { return codeChallenge; }
    /** How the person was authenticated in this transaction, as the ID token's amr says it. */
    public synchronized List<String> authenticationMethods() {
        return io.oiefilter.simulator.oauth.AuthenticationMethods.of(verified, "voice".equals(phoneVerifiedBy));
    }
    public synchronized Offer offer() { return offer; }
    /** The rememberMe of the last identify request, or null when it had none. */
    public synchronized Boolean rememberMe() { return rememberMe; }
    boolean expired(Instant now) { return now.isAfter(expiresAt); }
}
