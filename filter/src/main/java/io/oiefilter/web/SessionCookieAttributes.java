package io.oiefilter.web;

import jakarta.servlet.SessionCookieConfig;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The session cookie's extra attributes (SameSite) through {@code SessionCookieConfig.getAttribute} and
 * {@code setAttribute}, which only Servlet 6 has. The javax flavour is compiled against Servlet 4, so they
 * are looked up, not called directly: where they are missing, {@link SessionCookies} writes SameSite into
 * the Set-Cookie header of the sessions the filter makes.
 */
final class SessionCookieAttributes {
    private static final Method GET = method("getAttribute", String.class);
    private static final Method SET = method("setAttribute", String.class, String.class);

    private SessionCookieAttributes() {
    }

    /** Whether this servlet API can set cookie attributes on the container's session cookie. */
    static boolean supported() {
        return GET != null && SET != null;
    }

    /**
     * Sets {@code name=value} unless the app set that attribute itself. Returns false where this servlet
     * API has no cookie attributes (Servlet 4 and 5).
     */
    static boolean setIfAbsent(SessionCookieConfig config, String name, String value) {
        if (!supported()) {
            return false;
        }
        try {
            if (GET.invoke(config, name) == null) {
                SET.invoke(config, name, value);
            }
            return true;
        } catch (InvocationTargetException e) { // e.g. IllegalStateException once the context has started
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return SessionCookieConfig.class.getMethod(name, parameters);
        } catch (NoSuchMethodException servlet4) {
            return null;
        }
    }
}
