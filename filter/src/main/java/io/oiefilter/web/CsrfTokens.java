package io.oiefilter.web;

import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One random CSRF token per session (synchronizer-token pattern), checked on every POST the filter
 * handles, taken from the form body only, and replaced when the person signs in.
 */
public final class CsrfTokens {
    public static final String PARAMETER = "_csrf";
    static final String SESSION_ATTRIBUTE = CsrfTokens.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    public static String tokenFor(HttpSession session) {
        Object existing = session.getAttribute(SESSION_ATTRIBUTE);
        if (existing instanceof String s) {
            return s;
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        session.setAttribute(SESSION_ATTRIBUTE, token);
        return token;
    }

    /** The session's token if it has one; never creates a session or a token. */
    public static String existingToken(HttpSession session) {
        return session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
    }

    /** A new token from now on: forms rendered before (before sign-in, say) are refused. */
    static void rotate(HttpSession session) {
        session.removeAttribute(SESSION_ATTRIBUTE);
        tokenFor(session);
    }

    /** Whether {@code posted} (from the form body) is the session's token; constant-time. */
    static boolean isValid(HttpSession session, String posted) {
        String expected = existingToken(session);
        return expected != null && posted != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
    }
}
