package io.oiefilter.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A one-time code the filter emailed itself: where it went and a salted SHA-256 of it, never the
 * code. (Six digits are found by brute force from a hash; the wrong-code limit and the session's
 * privacy are what protect it, the hash keeps it out of session dumps and logs.)
 */
public record LocalCode(String email, String salt, String hash) implements EmailProof {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new code for {@code email}: the record to keep, and the code to send. */
    static Issued issue(String email) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String s = Base64.getEncoder().encodeToString(salt);
        return new Issued(new LocalCode(email, s, digest(s, code)), code);
    }

    record Issued(LocalCode record, String code) {
    }

    boolean matches(char[] candidate) {
        String c = new String(candidate).trim();
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), digest(salt, c).getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String salt, String code) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(d.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "LocalCode{…}";
    }
}
