package io.oiefilter.simulator.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * A user's Okta Verify, as the phone app holds it: the TOTP secret once enrolled, the enrollment link waiting to be
 * opened (QR code, email or SMS), and the push waiting for an answer. Tests act as the phone through the admin
 * endpoints; the IDX polls read what the phone did. Every change goes through a synchronized method.
 */
public final class OktaVerifyDevice {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A push's answer: none yet, approved, or rejected (by the person, or by choosing the wrong number). */
    public enum PushState { PENDING, APPROVED, REJECTED }

    private String secret;
    private Instant enrolledAt;
    private long lastTotpStep = Long.MIN_VALUE;
    private String enrollmentToken;
    private PushState push;
    private Integer correctAnswer;

    public synchronized boolean enrolled() { return secret != null; }
    /** The base32 TOTP secret Okta Verify shares with Okta, or null before enrollment. */
    public synchronized String secret() { return secret; }
    public synchronized Instant enrolledAt() { return enrolledAt; }

    /** Enrolled as if done on the phone earlier (the seed, or a test). */
    public synchronized void enroll(String base32Secret, Instant at) {
        Totp.decode(base32Secret); // refuses what is not base32
        secret = base32Secret;
        enrolledAt = at;
        lastTotpStep = Long.MIN_VALUE;
        enrollmentToken = null;
    }

    /** A new enrollment link's token (replacing any earlier one), for the QR code or the email or SMS. */
    public synchronized String startEnrollment() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        enrollmentToken = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        return enrollmentToken;
    }

    public synchronized String pendingEnrollmentToken() { return enrollmentToken; }

    /**
     * The phone opened the link and enrolled: true when an enrollment was pending (and {@code token}, when given,
     * is its token). The phone makes a new TOTP secret.
     */
    public synchronized boolean completeEnrollment(String token, Instant at) {
        if (enrollmentToken == null || (token != null && !MessageDigest.isEqual(enrollmentToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8)))) {
            return false;
        }
        enroll(Totp.newSecret(), at);
        return true;
    }

    /** Sends a new push (replacing an unanswered one); with a number challenge, the number the person must choose. */
    public synchronized Integer startPush(boolean numberChallenge) {
        push = PushState.PENDING;
        correctAnswer = numberChallenge ? 10 + RANDOM.nextInt(90) : null;
        return correctAnswer;
    }

    public synchronized PushState pushState() { return push; }
    public synchronized Integer correctAnswer() { return correctAnswer; }

    /** What the phone offers to choose from: the right number and two others, in order; empty without a number challenge. */
    public synchronized List<Integer> numberChoices() {
        if (correctAnswer == null) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>(List.of(correctAnswer));
        while (out.size() < 3) {
            int n = 10 + RANDOM.nextInt(90);
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        Collections.sort(out);
        return out;
    }

    /** "Yes, it's me", with the number chosen when there is a number challenge (a wrong one rejects). False when no push waits. */
    public synchronized boolean approve(Integer chosen) {
        if (push != PushState.PENDING) {
            return false;
        }
        push = correctAnswer == null || correctAnswer.equals(chosen) ? PushState.APPROVED : PushState.REJECTED;
        return true;
    }

    /** "No, it's not me". False when no push waits. */
    public synchronized boolean reject() {
        if (push != PushState.PENDING) {
            return false;
        }
        push = PushState.REJECTED;
        return true;
    }

    /** The push is done with (its answer read by a poll, or the challenge left). */
    public synchronized void clearPush() {
        push = null;
        correctAnswer = null;
    }

    /** A code from the app; each works once (a step no later than the last used one is refused). */
    public synchronized OrgUser.TotpCheck checkTotp(String candidate, Instant now) {
        OptionalLong step = secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, candidate, now);
        if (step.isEmpty()) {
            return OrgUser.TotpCheck.INVALID;
        }
        if (step.getAsLong() <= lastTotpStep) {
            return OrgUser.TotpCheck.USED;
        }
        lastTotpStep = step.getAsLong();
        return OrgUser.TotpCheck.VALID;
    }
}
