package io.oiefilter.simulator.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

/**
 * A user of the simulated org. Mutable on purpose (lifecycle calls change status, password and
 * enrollments); every change goes through a synchronized method.
 */
public final class OrgUser {
    private final String id;
    private final String login;
    private final String email;
    private final String firstName;
    private final String lastName;
    private final List<String> groups;
    private final Instant created;
    private String password;
    private UserStatus status;
    private boolean emailEnrolled;
    private Instant emailEnrolledAt;
    private int failedPasswordAttempts;
    private String activationToken;
    private Instant activationTokenExpires;
    private Instant activated;
    private Instant statusChanged;
    private Instant lastLogin;
    private Instant passwordChanged;
    private Instant lastUpdated;
    private String totpSecret;
    private Instant totpEnrolledAt;
    private long lastTotpStep = Long.MIN_VALUE;
    private SecurityQuestion securityQuestion;
    private String securityAnswerHash;
    private Instant securityQuestionEnrolledAt;
    private String phoneNumber;
    private Instant phoneEnrolledAt;
    private final List<WebAuthnCredential> webAuthnCredentials = new java.util.ArrayList<>();
    private final OktaVerifyDevice oktaVerify = new OktaVerifyDevice();

    public OrgUser(String id, String login, String email, String firstName, String lastName,
                   List<String> groups, String password, UserStatus status, boolean emailEnrolled, Instant created) {
        this.id = id;
        this.login = login;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.groups = List.copyOf(groups);
        this.password = password;
        this.status = status;
        this.emailEnrolled = emailEnrolled;
        this.emailEnrolledAt = emailEnrolled ? created : null;
        this.created = created;
        this.lastUpdated = created;
        this.statusChanged = created;
        this.passwordChanged = password == null ? null : created;
        this.activated = status == UserStatus.ACTIVE ? created : null;
    }

    public String id() { return id; }
    public String login() { return login; }
    public String email() { return email; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String displayName() { return (firstName + " " + lastName).trim(); }
    public List<String> groups() { return groups; }
    public Instant created() { return created; }

    /** The user's Okta Verify (enrolled or not), with its own lock. */
    public OktaVerifyDevice oktaVerify() { return oktaVerify; }

    public synchronized UserStatus status() { return status; }
    public synchronized boolean hasPassword() { return password != null; }
    public synchronized boolean emailEnrolled() { return emailEnrolled; }
    /** When the email authenticator was enrolled (the Factors API's email factor was created), or null. */
    public synchronized Instant emailEnrolledAt() { return emailEnrolledAt; }
    public synchronized Instant activated() { return activated; }
    public synchronized Instant statusChanged() { return statusChanged; }
    public synchronized Instant lastLogin() { return lastLogin; }
    public synchronized Instant passwordChanged() { return passwordChanged; }
    public synchronized Instant lastUpdated() { return lastUpdated; }

    public synchronized boolean enrolled(AuthenticatorKind kind) {
        return switch (kind) {
            case PASSWORD -> password != null;
            case EMAIL -> emailEnrolled;
            case GOOGLE_OTP -> totpSecret != null;
            case SECURITY_QUESTION -> securityQuestion != null;
            case PHONE -> phoneNumber != null;
            case WEBAUTHN -> !webAuthnCredentials.isEmpty();
            case OKTA_VERIFY -> oktaVerify.enrolled();
        };
    }

    /** The enrolled phone number (E.164, "+15551234567"), or null. Only shown masked outside the simulator's admin. */
    public synchronized String phoneNumber() { return phoneNumber; }
    /** When the phone was enrolled, or null. */
    public synchronized Instant phoneEnrolledAt() { return phoneEnrolledAt; }

    /** Enrolls a phone number; refuses one {@link PhoneNumbers#normalize} does not accept. */
    public synchronized void enrollPhone(String number, Instant at) {
        String normalized = PhoneNumbers.normalize(number);
        if (normalized == null) {
            throw new IllegalArgumentException("not a phone number");
        }
        phoneNumber = normalized;
        phoneEnrolledAt = at;
        lastUpdated = at;
    }

    /** The base32 secret of the user's Google Authenticator enrollment, or null when not enrolled. */
    public synchronized String totpSecret() { return totpSecret; }
    /** When Google Authenticator was enrolled, or null. */
    public synchronized Instant totpEnrolledAt() { return totpEnrolledAt; }

    /** Enrolls Google Authenticator with that secret (replacing an earlier enrollment); no code counts as used yet. */
    public synchronized void enrollTotp(String base32Secret, Instant at) {
        Totp.decode(base32Secret); // refuses what is not base32
        totpSecret = base32Secret;
        totpEnrolledAt = at;
        lastTotpStep = Long.MIN_VALUE;
        lastUpdated = at;
    }

    /** Enrollment confirmed with the code of {@code usedStep}, which may then not be used again. */
    public synchronized void enrollTotp(String base32Secret, long usedStep, Instant at) {
        enrollTotp(base32Secret, at);
        lastTotpStep = usedStep;
    }

    /** What a Google Authenticator code is worth: right, not a current code, or one already used. */
    public enum TotpCheck { VALID, INVALID, USED }

    /**
     * Checks a code against the enrolled secret. Each code works once: a code of a step no later than the last
     * accepted one is USED (so is an earlier code in the window once a later one was accepted), as Okta does.
     */
    public synchronized TotpCheck checkTotp(String candidate, Instant now) {
        java.util.OptionalLong step = Totp.matchingStep(totpSecret, candidate, now);
        if (step.isEmpty()) {
            return TotpCheck.INVALID;
        }
        if (step.getAsLong() <= lastTotpStep) {
            return TotpCheck.USED;
        }
        lastTotpStep = step.getAsLong();
        return TotpCheck.VALID;
    }

    /** An enrolled security question: a predefined one's key and text, or "custom" and the user's own text. */
    public record SecurityQuestion(String questionKey, String question) {
    }

    /** The user's security question (never the answer, which is kept only as a hash), or null when not enrolled. */
    public synchronized SecurityQuestion securityQuestion() { return securityQuestion; }
    /** When the security question was enrolled, or null. */
    public synchronized Instant securityQuestionEnrolledAt() { return securityQuestionEnrolledAt; }

    /**
     * Enrolls a security question (replacing an earlier one): a predefined {@code questionKey} (its text is Okta's;
     * {@code question} is ignored) or "custom" with the user's own {@code question}. Only a salted hash of the
     * answer is kept. Refuses unknown keys, a custom question without text and answers under 4 characters.
     */
    public synchronized void enrollSecurityQuestion(String questionKey, String question, String answer, Instant at) {
        boolean custom = SecurityQuestions.CUSTOM.equals(questionKey);
        String text = custom ? question : SecurityQuestions.question(questionKey);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("unknown security question " + questionKey + (custom ? " (custom needs its question)" : ""));
        }
        if (answer == null || answer.trim().length() < SecurityQuestions.MIN_ANSWER_LENGTH) {
            throw new IllegalArgumentException("a security question answer has at least " + SecurityQuestions.MIN_ANSWER_LENGTH + " characters");
        }
        securityQuestion = new SecurityQuestion(questionKey, custom ? text.trim() : text);
        securityAnswerHash = SecurityQuestions.hash(answer);
        securityQuestionEnrolledAt = at;
        lastUpdated = at;
    }

    /** The answer matches the enrolled one, compared trimmed and case-insensitively (see {@link SecurityQuestions}). */
    public synchronized boolean securityAnswerMatches(String candidate) {
        return securityQuestion != null && SecurityQuestions.matches(securityAnswerHash, candidate);
    }

    public synchronized void status(UserStatus next, Instant at) {
        if (next == UserStatus.ACTIVE && status != UserStatus.ACTIVE) {
            activated = at;
        }
        if (next != UserStatus.LOCKED_OUT) {
            failedPasswordAttempts = 0;
        }
        status = next;
        statusChanged = at;
        lastUpdated = at;
    }

    public synchronized void password(String newPassword, Instant at) {
        password = newPassword;
        passwordChanged = at;
        lastUpdated = at;
    }

    public synchronized void enrollEmail(Instant at) {
        if (!emailEnrolled) {
            emailEnrolledAt = at;
        }
        emailEnrolled = true;
        lastUpdated = at;
    }

    public synchronized void signedIn(Instant at) {
        lastLogin = at;
        failedPasswordAttempts = 0;
    }

    public synchronized boolean passwordMatches(String candidate) {
        return password != null && candidate != null
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts a wrong password; at the threshold the user is LOCKED_OUT. Returns true when that happened now. */
    public synchronized boolean wrongPassword(int maxAttempts, Instant at) {
        failedPasswordAttempts++;
        if (maxAttempts > 0 && failedPasswordAttempts >= maxAttempts && status == UserStatus.ACTIVE) {
            status = UserStatus.LOCKED_OUT;
            statusChanged = at;
            return true;
        }
        return false;
    }

    /** A new activation token replaces any earlier one. */
    public synchronized void activationToken(String token, Instant expires) {
        activationToken = token;
        activationTokenExpires = expires;
    }

    /** True once for the current, unexpired token; the token is used up either way. */
    public synchronized boolean redeemActivationToken(String token, Instant now) {
        boolean ok = activationToken != null && token != null && now.isBefore(activationTokenExpires)
                && MessageDigest.isEqual(activationToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (ok) {
            activationToken = null;
        }
        return ok;
    }

    public synchronized boolean holdsActivationToken(String token, Instant now) {
        return activationToken != null && activationToken.equals(token) && now.isBefore(activationTokenExpires);
    }

    /** The user's WebAuthn credentials (one enrollment "fwf…" of the authenticator, one entry per credential). */
    public synchronized List<WebAuthnCredential> webAuthnCredentials() { return List.copyOf(webAuthnCredentials); }

    /** Adds (or replaces, by credential id) a verified credential. */
    public synchronized void enrollWebAuthn(WebAuthnCredential credential) {
        webAuthnCredentials.removeIf(c -> c.credentialId().equals(credential.credentialId()));
        webAuthnCredentials.add(credential);
        lastUpdated = credential.enrolledAt();
    }

    /** The credential with that base64url id, if the user has it. */
    public synchronized java.util.Optional<WebAuthnCredential> webAuthnCredential(String credentialId) {
        return webAuthnCredentials.stream().filter(c -> c.credentialId().equals(credentialId)).findFirst();
    }

    /** Records the sign count a verified assertion reported. */
    public synchronized void webAuthnUsed(String credentialId, long signCount) {
        webAuthnCredentials.replaceAll(c -> c.credentialId().equals(credentialId) ? c.withSignCount(signCount) : c);
    }
}
