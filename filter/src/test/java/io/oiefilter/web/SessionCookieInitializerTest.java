package io.oiefilter.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The session cookie is hardened before the app starts: HttpOnly, and SameSite=Lax where the servlet API
 * has cookie attributes (Servlet 6). This test also runs, transformed, on the javax flavour (Servlet 4),
 * where SameSite is left to {@link SessionCookies} and nothing newer than Servlet 4 may be called.
 */
class SessionCookieInitializerTest {
    /** Whether the servlet API this test runs on is Servlet 6 (jakarta) rather than Servlet 4 (javax). */
    private static final boolean COOKIE_ATTRIBUTES = Arrays.stream(SessionCookieConfig.class.getMethods())
            .anyMatch(m -> m.getName().equals("setAttribute"));

    /** A session cookie config that records what is set on it, and a context that has it. */
    private static ServletContext context(Map<String, Object> cookie) {
        SessionCookieConfig config = (SessionCookieConfig) Proxy.newProxyInstance(SessionCookieInitializerTest.class.getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class}, (p, m, a) -> switch (m.getName()) {
                    case "setHttpOnly" -> cookie.put("HttpOnly", a[0]);
                    case "setSecure" -> cookie.put("Secure", a[0]);
                    case "setAttribute" -> cookie.put((String) a[0], a[1]);
                    case "getAttribute" -> cookie.get((String) a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ServletContext) Proxy.newProxyInstance(SessionCookieInitializerTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getSessionCookieConfig" -> config;
                    case "getFilterRegistrations" -> Map.of();
                    case "getMajorVersion" -> COOKIE_ATTRIBUTES ? 6 : 4;
                    case "getMinorVersion" -> 0;
                    default -> null;
                });
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxWhereTheApiCanSetIt() {
        Map<String, Object> cookie = new HashMap<>();
        new SessionCookieInitializer().onStartup(Set.of(), context(cookie));
        assertEquals(true, cookie.get("HttpOnly"));
        assertEquals(COOKIE_ATTRIBUTES, SessionCookieAttributes.supported());
        if (COOKIE_ATTRIBUTES) {
            assertEquals("Lax", cookie.get("SameSite"));
        } else {
            assertFalse(cookie.containsKey("SameSite"), "Servlet 4 has no cookie attributes: SessionCookies writes SameSite");
        }
        assertFalse(cookie.containsKey("Secure"), "plain http: no Secure");
    }

    @Test
    void anAppsOwnSameSiteIsKept() {
        assumeTrue(COOKIE_ATTRIBUTES, "Servlet 6 only: Servlet 4 has no cookie attributes to keep");
        Map<String, Object> cookie = new HashMap<>(Map.of("SameSite", "Strict"));
        new SessionCookieInitializer().onStartup(Set.of(), context(cookie));
        assertEquals("Strict", cookie.get("SameSite"));
    }
}
