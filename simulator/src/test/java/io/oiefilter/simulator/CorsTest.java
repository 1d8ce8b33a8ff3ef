package io.oiefilter.simulator;

import io.oiefilter.simulator.org.TrustedOrigin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CORS for the org's trusted origins, as a browser asks for it: preflights, then the answers it may read. */
class CorsTest extends SimulatorTestBase {
    static final String TRUSTED = "http://localhost:3000";
    static final String STRANGER = "http://evil.example";
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void trust() {
        sim.org().addTrustedOrigin("SPA", TRUSTED, EnumSet.of(TrustedOrigin.Scope.CORS));
    }

    private HttpResponse<String> preflight(String path, String origin, String method, String headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (headers != null) {
            r.header("Access-Control-Request-Headers", headers);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String origin) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(sim.baseUri() + path));
        if (origin != null) {
            r.header("Origin", origin);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> corsHeaders(HttpResponse<?> r) {
        return r.headers().map().keySet().stream().filter(h -> h.toLowerCase().startsWith("access-control-")).toList();
    }

    @Test
    void aTrustedOriginsPreflightAllowsWhatTheWidgetSends() throws Exception {
        for (String path : List.of("/idp/idx/introspect", "/oauth2/default/v1/interact", "/oauth2/default/v1/token",
                "/oauth2/default/v1/revoke", "/idp/idx/challenge/answer")) {
            HttpResponse<String> r = preflight(path, TRUSTED, "POST",
                    "content-type,x-okta-user-agent-extended,accept,x-device-fingerprint");
            assertEquals(204, r.statusCode(), path);
            assertEquals(TRUSTED, r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
            assertEquals("true", r.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
            assertEquals("content-type, x-okta-user-agent-extended, accept, x-device-fingerprint",
                    r.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
            assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
            assertTrue(r.headers().allValues("Vary").contains("Origin"));
        }
    }

    @Test
    void aHeaderNoBrowserClientSendsIsNotAllowed() throws Exception {
        HttpResponse<String> r = preflight("/idp/idx/introspect", TRUSTED, "POST", "content-type, x-evil");
        assertEquals("content-type", r.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
    }

    @Test
    void anUntrustedOriginGetsNoAccessControlHeaderAtAll() throws Exception {
        HttpResponse<String> pre = preflight("/idp/idx/introspect", STRANGER, "POST", "content-type");
        assertEquals(List.of(), corsHeaders(pre));
        HttpResponse<String> discovery = get("/oauth2/default/.well-known/openid-configuration", STRANGER);
        assertEquals(200, discovery.statusCode());
        assertEquals(List.of(), corsHeaders(discovery));
        // An origin that merely starts like a trusted one is another origin.
        assertEquals(List.of(), corsHeaders(get("/oauth2/default/v1/keys", TRUSTED + "0")));
        assertEquals(List.of(), corsHeaders(get("/oauth2/default/v1/keys", TRUSTED + ".evil.example")));
    }

    @Test
    void answersToATrustedOriginCanBeReadByItsScripts() throws Exception {
        HttpResponse<String> keys = get("/oauth2/default/v1/keys", TRUSTED);
        assertEquals(TRUSTED, keys.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", keys.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        assertTrue(keys.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("X-Rate-Limit-Reset"));
        HttpResponse<String> refused = get("/oauth2/default/v1/userinfo", TRUSTED); // a 401 is readable too
        assertEquals(401, refused.statusCode());
        assertEquals(TRUSTED, refused.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void aRateLimitedAnswerStillCarriesCors() throws Exception {
        sim.rateLimits().limit("keys", 0, Duration.ofMinutes(1));
        try {
            HttpResponse<String> limited = get("/oauth2/default/v1/keys", TRUSTED);
            assertEquals(429, limited.statusCode());
            assertEquals(TRUSTED, limited.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        } finally {
            sim.rateLimits().clear();
        }
    }

    @Test
    void withoutAnOriginNothingChangesAndTheAdminControlsNeverAnswerAnotherOrigin() throws Exception {
        assertEquals(List.of(), corsHeaders(get("/oauth2/default/v1/keys", null)));
        assertEquals(List.of(), corsHeaders(get("/admin/outbox", TRUSTED)));
        assertEquals(List.of(), corsHeaders(preflight("/admin/outbox", TRUSTED, "GET", null)));
    }

    @Test
    void originsAddedThroughOktasApiAreTrustedAtOnceAndDeletedOnesNoLonger() throws Exception {
        String origin = "http://127.0.0.1:4321";
        assertEquals(List.of(), corsHeaders(get("/oauth2/default/v1/keys", origin)));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api/v1/trustedOrigins"))
                .header("Authorization", "SSWS 00demo-management-api-token-not-for-production")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Local SPA\",\"origin\":\"" + origin + "\",\"scopes\":[{\"type\":\"CORS\"},{\"type\":\"REDIRECT\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        String id = client.json.readTree(created.body()).path("id").asText();
        assertTrue(id.startsWith("tos"), created.body());
        assertEquals(origin, get("/oauth2/default/v1/keys", origin).headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api/v1/trustedOrigins/" + id))
                .header("Authorization", "SSWS 00demo-management-api-token-not-for-production").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode());
        assertEquals(List.of(), corsHeaders(get("/oauth2/default/v1/keys", origin)));
    }

    @Test
    void oktasApiRefusesWhatIsNotAnOriginAndCallersWithoutAToken() throws Exception {
        for (String bad : List.of("http://localhost:3000/path", "javascript:alert(1)", "localhost:3000", "")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api/v1/trustedOrigins"))
                    .header("Authorization", "SSWS 00demo-management-api-token-not-for-production")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"origin\":\"" + bad + "\",\"scopes\":[{\"type\":\"CORS\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().contains("E0000001"), r.body());
        }
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api/v1/trustedOrigins")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noToken.statusCode());
        assertFalse(sim.org().corsAllowed("http://localhost:3000/path"));
    }

    @Test
    void theAdminEndpointAddsAnOriginForAPersonRunningTheSimulator() throws Exception {
        String origin = "http://localhost:5173";
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/admin/trusted-origins"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"origin\":\"" + origin + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("\"type\":\"CORS\"") && added.body().contains("\"type\":\"REDIRECT\""), added.body());
        assertTrue(sim.org().corsAllowed(origin));
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/admin/trusted-origins"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"origin\":\"ftp://x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
    }

    @Test
    void aFaultIsReadableByATrustedPageAndAPreflightDoesNotUseItUp() throws Exception {
        sim.faults().inject("keys", io.oiefilter.simulator.faults.Fault.status(503).times(1));
        try {
            assertEquals(204, preflight("/oauth2/default/v1/keys", TRUSTED, "GET", null).statusCode());
            HttpResponse<String> fault = get("/oauth2/default/v1/keys", TRUSTED);
            assertEquals(503, fault.statusCode(), "the preflight left the fault for the call it was armed for");
            assertEquals(TRUSTED, fault.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            assertEquals("true", fault.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
            assertEquals(200, get("/oauth2/default/v1/keys", TRUSTED).statusCode());
        } finally {
            sim.faults().clear();
        }
    }

    @Test
    void aPreflightIsNeitherCountedNorTimedAsACallToItsEndpoint() throws Exception {
        long counted = sim.requestLog().countOf("introspect");
        var timed = sim.requestLog().timingSnapshot().get("introspect");
        preflight("/idp/idx/introspect", TRUSTED, "POST", "content-type");
        assertEquals(counted, sim.requestLog().countOf("introspect"));
        assertEquals(timed, sim.requestLog().timingSnapshot().get("introspect"));
    }
}
