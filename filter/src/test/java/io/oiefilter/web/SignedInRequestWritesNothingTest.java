package io.oiefilter.web;

import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.idx.TokenSet;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.session.OieUser;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A signed-in request reads the session and writes nothing to it: a container that replicates only what
 * changed (or a store that counts writes) has nothing to do for it.
 */
class SignedInRequestWritesNothingTest {
    @Test
    void aSignedInRequestOnlyReadsTheSession() throws Exception {
        OieConfig config = OieConfig.resolve(List.of(ConfigSource.named(Map.of(OieConfig.ISSUER, "https://example.okta.com/oauth2/default",
                OieConfig.CLIENT_ID, "c", OieConfig.CLIENT_SECRET, "s", OieConfig.REDIRECT_URI, "https://app.example.com/cb",
                OieConfig.PROTECTED_PATHS, "/app/*")::get, k -> k)));
        Instant now = Instant.now();
        Map<String, Object> attributes = new HashMap<>(Map.of(
                OieAuthentication.SESSION_ATTRIBUTE, new OieAuthentication(new OieUser("alice@example.com", "00u1", "Alice", "alice@example.com",
                        List.of("Admins"), "{}"), new TokenSet(null, null, null, 3600, "openid"), now, now.plusSeconds(3600)),
                "io.oiefilter.web.CsrfTokens", "a-csrf-token"));
        List<String> writes = new ArrayList<>();
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getAttribute" -> attributes.get((String) a[0]);
                    case "getId" -> "s1";
                    case "setAttribute", "removeAttribute", "invalidate", "setMaxInactiveInterval" -> {
                        writes.add(m.getName());
                        yield null;
                    }
                    default -> null;
                });
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getServletPath" -> "/app/index.jsp";
                    case "getContextPath" -> "/sample";
                    case "getSession" -> session;
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> null);
        OieRequestHandler handler = new OieRequestHandler(config, new SignInFlow(null, null, config), null,
                (req, res, signInPath) -> writes.add("entry point"));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            handler.handle(request, response, (req, res) -> seen.add(((HttpServletRequest) req).getRemoteUser()));
        }
        assertEquals(List.of("alice@example.com", "alice@example.com", "alice@example.com"), seen, "the app saw her each time");
        assertEquals(List.of(), writes, "and the session was never written");
    }
}
