package io.oiefilter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** One random CSRF token per session (synchronizer-token pattern), checked on every POST the filter handles. */
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
    public static String existingToken(HttpServletRequest request) {
        return existingToken(request.getSession(false));
    }

    public static String existingToken(HttpSession session) {
        return session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
    }

    public static boolean isValid(HttpServletRequest request) {
        String expected = existingToken(request);
        String actual = request.getParameter(PARAMETER);
        return expected != null && actual != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }
}
