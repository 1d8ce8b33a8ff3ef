package io.oiefilter.simulator.mgmt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The codes the Factors API emailed for email-factor challenges: one pending code per user (a new
 * challenge replaces it), each working once before it expires.
 */
public final class EmailFactorCodes {
    /** Okta sends at most one email challenge to an address every 5 seconds (then 429 E0000118). */
    public static final Duration RESEND_INTERVAL = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(String code, Instant expires) {
    }

    private final Map<String, Pending> byUser = new HashMap<>();
    private final Map<String, Instant> lastSent = new HashMap<>();

    /** A new code for the user; empty while the previous one was sent less than {@link #RESEND_INTERVAL} ago. */
    public synchronized Optional<String> issue(String userId, Duration lifetime, Instant now) {
        Instant previous = lastSent.get(userId);
        if (previous != null && now.isBefore(previous.plus(RESEND_INTERVAL))) {
            return Optional.empty();
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byUser.put(userId, new Pending(code, now.plus(lifetime)));
        lastSent.put(userId, now);
        return Optional.of(code);
    }

    /**
     * True once for the pending, unexpired code. A wrong code leaves the pending one in place (a
     * typo must not cost the person their code); an expired one is dropped.
     */
    public synchronized boolean redeem(String userId, String candidate, Instant now) {
        Pending p = byUser.get(userId);
        if (p == null || candidate == null) {
            return false;
        }
        if (!now.isBefore(p.expires())) {
            byUser.remove(userId);
            return false;
        }
        boolean match = MessageDigest.isEqual(p.code().getBytes(StandardCharsets.UTF_8),
                candidate.trim().getBytes(StandardCharsets.UTF_8));
        if (match) {
            byUser.remove(userId);
        }
        return match;
    }
}
