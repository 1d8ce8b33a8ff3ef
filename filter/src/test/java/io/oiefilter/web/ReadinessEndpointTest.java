package io.oiefilter.web;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.readiness.Readiness;
import io.oiefilter.session.OieUser;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees the readiness view: loopback clients and the configured role; anyone else finds no such page. */
class ReadinessEndpointTest {
    private Simulator sim;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    /** What a response got: status, headers, body. */
    private static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();

        HttpServletResponse response() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "setStatus", "sendError" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                        case "getWriter" -> writer;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    private static HttpServletRequest request(String method, String peer, Map<String, String> headers, Set<String> containerRoles) {
        return (HttpServletRequest) Proxy.newProxyInstance(ReadinessEndpointTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaders" -> java.util.Collections.enumeration(headers.containsKey((String) args[0])
                            ? List.of(headers.get((String) args[0])) : List.<String>of());
                    case "getParameter" -> null;
                    case "isUserInRole" -> containerRoles.contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static OieUser inGroups(String... groups) {
        return new OieUser("ops@example.com", "00u1", "Ops", "ops@example.com", List.of(groups), "{}");
    }

    private Answer ask(ReadinessEndpoint view, HttpServletRequest req, Optional<OieUser> user) throws Exception {
        Answer a = new Answer();
        view.handle(req, a.response(), user);
        return a;
    }

    private ReadinessEndpoint view(String... settings) {
        OieConfig config = SimulatorFixture.config(sim, settings);
        return new ReadinessEndpoint(config, Readiness.of(config, null, null, () -> null));
    }

    @Test
    void offByDefault() {
        OieConfig config = SimulatorFixture.config(sim);
        assertTrue(config.readinessPath().isEmpty());
        assertTrue(config.readinessRole().isEmpty());
        assertFalse(config.readinessHealth());
    }

    @Test
    void aLoopbackClientGetsTheReport() throws Exception {
        ReadinessEndpoint view = view(OieConfig.READINESS_PATH, "/ops/ready");
        assertTrue(view.serves("/ops/ready"));
        assertFalse(view.serves("/ops/ready/x"));
        for (String peer : List.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1")) {
            Answer a = ask(view, request("GET", peer, Map.of("Accept", "application/json"), Set.of()), Optional.empty());
            assertEquals(200, a.status, peer);
            assertTrue(a.body.toString().startsWith("{\"ready\":true,"), a.body::toString);
            assertEquals("no-store", a.headers.get("Cache-Control"));
        }
    }

    @Test
    void anyoneElseFindsNoSuchPage() throws Exception {
        ReadinessEndpoint view = view(OieConfig.READINESS_PATH, "/ops/ready", OieConfig.READINESS_ROLE, "Admins");
        Answer a = ask(view, request("GET", "198.51.100.7", Map.of("Accept", "application/json"), Set.of()),
                Optional.of(inGroups("Readers")));
        assertEquals(404, a.status);
        assertEquals("", a.body.toString());
        // A header does not make a client loopback unless it comes through a trusted proxy.
        assertEquals(404, ask(view, request("GET", "198.51.100.7", Map.of("X-Forwarded-For", "127.0.0.1"), Set.of()),
                Optional.empty()).status);
    }

    @Test
    void aPersonInTheRoleSeesItFromAnywhere() throws Exception {
        ReadinessEndpoint view = view(OieConfig.READINESS_PATH, "/ops/ready", OieConfig.READINESS_ROLE, "Admins");
        Answer byGroup = ask(view, request("GET", "198.51.100.7", Map.of("Accept", "text/html"), Set.of()),
                Optional.of(inGroups("Admins")));
        assertEquals(200, byGroup.status);
        assertTrue(byGroup.body.toString().contains("<h1>Ready</h1>"), byGroup.body::toString);
        assertEquals(200, ask(view, request("GET", "198.51.100.7", Map.of(), Set.of("Admins")), Optional.empty()).status,
                "a role the container gives");
    }

    @Test
    void aBrokenOrgIs503AndOnlyGetAndHeadAreAnswered() throws Exception {
        sim.org().accessPolicyGrantTypes(List.of("authorization_code"));
        ReadinessEndpoint view = view(OieConfig.READINESS_PATH, "/ops/ready");
        Answer a = ask(view, request("GET", "127.0.0.1", Map.of("Accept", "application/json"), Set.of()), Optional.empty());
        assertEquals(503, a.status);
        assertTrue(a.body.toString().contains("\"name\":\"interact\",\"status\":\"FAILED\""), a.body::toString);
        Answer post = ask(view, request("POST", "127.0.0.1", Map.of(), Set.of()), Optional.empty());
        assertEquals(405, post.status);
        assertEquals("GET, HEAD", post.headers.get("Allow"));
    }
}
