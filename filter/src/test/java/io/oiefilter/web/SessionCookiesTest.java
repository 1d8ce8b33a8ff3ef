package io.oiefilter.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The session cookie a container set is made SameSite=Lax, and Secure on https, where it is not already. */
class SessionCookiesTest {

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(SessionCookiesTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.apply(m.getName(), args));
    }

    private static HttpServletRequest request(boolean secure) {
        SessionCookieConfig config = stub(SessionCookieConfig.class, (m, a) -> null);
        ServletContext context = stub(ServletContext.class, (m, a) -> m.equals("getSessionCookieConfig") ? config : null);
        return stub(HttpServletRequest.class, (m, a) -> switch (m) {
            case "isSecure" -> secure;
            case "getServletContext" -> context;
            default -> null;
        });
    }

    private static HttpServletResponse response(List<String> setCookie) {
        return stub(HttpServletResponse.class, (m, a) -> switch (m) {
            case "isCommitted" -> false;
            case "getHeaders" -> new ArrayList<>(setCookie);
            case "setHeader" -> {
                setCookie.clear();
                setCookie.add((String) a[1]);
                yield null;
            }
            case "addHeader" -> setCookie.add((String) a[1]);
            default -> null;
        });
    }

    @Test
    void theContainersSessionCookieGetsSameSiteAndOnHttpsSecure() {
        List<String> headers = new ArrayList<>(List.of("JSESSIONID=abc; Path=/app; HttpOnly", "OTHER=1; Path=/"));
        SessionCookies.harden(request(true), response(headers));
        assertEquals(List.of("JSESSIONID=abc; Path=/app; HttpOnly; SameSite=Lax; Secure", "OTHER=1; Path=/"), headers);
    }

    @Test
    void whatTheContainerSetAlreadyIsKept() {
        List<String> headers = new ArrayList<>(List.of("JSESSIONID=abc; Path=/app; Secure; HttpOnly; SameSite=Strict"));
        SessionCookies.harden(request(true), response(headers));
        assertEquals(List.of("JSESSIONID=abc; Path=/app; Secure; HttpOnly; SameSite=Strict"), headers);
        List<String> plain = new ArrayList<>(List.of("JSESSIONID=abc; Path=/app; HttpOnly"));
        SessionCookies.harden(request(false), response(plain));
        assertEquals(List.of("JSESSIONID=abc; Path=/app; HttpOnly; SameSite=Lax"), plain, "no Secure on plain http");
    }
}
