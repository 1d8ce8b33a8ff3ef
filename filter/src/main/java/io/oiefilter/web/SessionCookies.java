package io.oiefilter.web;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Makes the session cookie the container has just set {@code SameSite=Lax}, and {@code Secure} on an
 * https request, where the container did not do it itself ({@link SessionCookieInitializer} asks it
 * to; some containers, Payara among them, ignore the Servlet 6 cookie attribute). Called right after
 * the filter creates or renews a session, before the response is committed.
 */
final class SessionCookies {
    private SessionCookies() {
    }

    /** The request's session, created if need be; a new one's cookie hardened. */
    static HttpSession session(HttpServletRequest req, HttpServletResponse res) {
        HttpSession session = req.getSession(true);
        if (session.isNew()) {
            harden(req, res);
        }
        return session;
    }

    /** After a session was created elsewhere (or its id changed): its cookie hardened. */
    static void harden(HttpServletRequest req, HttpServletResponse res) {
        if (res.isCommitted()) {
            return;
        }
        Collection<String> headers = res.getHeaders("Set-Cookie");
        if (headers == null || headers.isEmpty()) {
            return;
        }
        String prefix = sessionCookieName(req) + "=";
        List<String> rewritten = new ArrayList<>();
        boolean changed = false;
        for (String h : List.copyOf(headers)) {
            String v = h;
            if (h.startsWith(prefix)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (!lower.contains("samesite=")) {
                    v += "; SameSite=Lax";
                }
                if (req.isSecure() && !lower.matches(".*;\\s*secure(\\s*;.*|\\s*)$")) {
                    v += "; Secure";
                }
            }
            changed |= !v.equals(h);
            rewritten.add(v);
        }
        if (!changed) {
            return;
        }
        res.setHeader("Set-Cookie", rewritten.get(0));
        for (String v : rewritten.subList(1, rewritten.size())) {
            res.addHeader("Set-Cookie", v);
        }
    }

    private static String sessionCookieName(HttpServletRequest req) {
        SessionCookieConfig config = req.getServletContext().getSessionCookieConfig();
        String name = config == null ? null : config.getName();
        return name == null || name.isBlank() ? "JSESSIONID" : name;
    }
}
