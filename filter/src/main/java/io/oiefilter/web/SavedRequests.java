package io.oiefilter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Remembers the page a browser asked for before it was sent to sign in. Only GETs are kept, and
 * only as a path inside this app, so the redirect after sign-in can never leave the origin.
 */
public final class SavedRequests {
    static final String SESSION_ATTRIBUTE = SavedRequests.class.getName();

    private SavedRequests() {
    }

    public static void save(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        String target = query == null ? path : path + "?" + query;
        if (isSafeAppPath(target)) {
            request.getSession(true).setAttribute(SESSION_ATTRIBUTE, target);
        }
    }

    /** The saved target (removed from the session), or the fallback when none is saved or it is unsafe. */
    public static String takeOr(HttpSession session, String fallback) {
        Object saved = session.getAttribute(SESSION_ATTRIBUTE);
        session.removeAttribute(SESSION_ATTRIBUTE);
        return saved instanceof String s && isSafeAppPath(s) ? s : fallback;
    }

    /** A path in this app: one leading slash, no scheme-relative "//", no backslash, no control characters. */
    static boolean isSafeAppPath(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
