package io.oiefilter.simulator.org;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time passwords as Google Authenticator makes them: HMAC-SHA1, 6 digits, 30-second
 * steps, the secret in RFC 4648 base32. Public so that tests outside the simulator can compute the code a
 * user's authenticator app would show ({@link #code(String, Instant)}).
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps either side of now that are still accepted, for clock drift between phone and org. */
    public static final int WINDOW = 1;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** The code an authenticator app shows at that instant. */
    public static String code(String base32Secret, Instant at) {
        return code(base32Secret, step(at));
    }

    /** The code of one 30-second step (seconds since the epoch / 30). */
    public static String code(String base32Secret, long step) {
        byte[] counter = new byte[8];
        for (int n = 7, s = 0; n >= 0; n--, s += 8) {
            counter[n] = (byte) (step >>> s);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(base32Secret), "HmacSHA1"));
            hash = mac.doFinal(counter);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%0" + DIGITS + "d", binary % 1_000_000);
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The step within {@link #WINDOW} of {@code now} whose code the candidate is, if any. */
    public static OptionalLong matchingStep(String base32Secret, String candidate, Instant now) {
        if (base32Secret == null || candidate == null || !candidate.trim().matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] given = candidate.trim().getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            if (MessageDigest.isEqual(code(base32Secret, s).getBytes(StandardCharsets.US_ASCII), given)) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** A new secret of 16 base32 characters (80 bits), the length Okta shows as sharedSecret. */
    public static String newSecret() {
        StringBuilder sb = new StringBuilder(16);
        for (int n = 0; n < 16; n++) {
            sb.append(BASE32.charAt(RANDOM.nextInt(32)));
        }
        return sb.toString();
    }

    /** The key URI an authenticator app scans: otpauth://totp/Issuer:account?secret=…&issuer=Issuer. */
    public static String keyUri(String issuer, String account, String base32Secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** RFC 4648 base32, case and spaces ignored, padding optional. */
    static byte[] decode(String base32) {
        String s = base32.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
