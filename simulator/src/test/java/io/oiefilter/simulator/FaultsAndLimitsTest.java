package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.okta.idx.sdk.api.client.IDXAuthenticationWrapper;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault injection, rate limits, the outbox and the admin endpoints, over HTTP. */
class FaultsAndLimitsTest extends SimulatorTestBase {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void clear() {
        sim.faults().clear();
        sim.rateLimits().clear();
    }

    private HttpResponse<String> introspect(String handle) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/idp/idx/introspect"))
                .header("Content-Type", SimulatorClient.ION)
                .POST(HttpRequest.BodyPublishers.ofString("{\"interactionHandle\":\"" + handle + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void statusFaultsApplyAsManyTimesAsAsked() throws Exception {
        String handle = client.interact();
        sim.faults().inject("introspect", Fault.status(503).times(1));
        assertEquals(503, introspect(handle).statusCode());
        assertEquals(200, introspect(handle).statusCode(), "used up after one request");
    }

    @Test
    void anErrorWithoutContentTypeBreaksOktaIdxJava200AsOnTheRealWire() throws Exception {
        sim.faults().inject("introspect", Fault.missingContentType(500));
        HttpResponse<String> r = introspect(client.interact());
        assertEquals(500, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").isEmpty(), r.headers().toString());

        System.setProperty("okta.testing.disableHttpsCheck", "true");
        IDXAuthenticationWrapper sdk = new IDXAuthenticationWrapper(sim.issuer(), SimulatorClient.CLIENT_ID, SimulatorClient.SECRET,
                Set.of("openid"), SimulatorClient.REDIRECT);
        assertThrows(NullPointerException.class, sdk::begin, "the SDK quirk the filter must survive");
    }

    @Test
    void malformedBodies() throws Exception {
        sim.faults().inject("introspect", Fault.malformedBody(200));
        HttpResponse<String> r = introspect(client.interact());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("{\"version\":\"1.0.0\",\"stateHa") && !r.body().endsWith("}"));
    }

    @Test
    void droppedConnectionsAndDelays() throws Exception {
        String handle = client.interact();
        sim.faults().inject("introspect", Fault.dropConnection().times(1));
        assertThrows(IOException.class, () -> introspect(handle));

        sim.faults().inject("introspect", Fault.delay(Duration.ofSeconds(3)).times(1));
        HttpRequest slow = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/idp/idx/introspect"))
                .timeout(Duration.ofMillis(300)).header("Content-Type", SimulatorClient.ION)
                .POST(HttpRequest.BodyPublishers.ofString("{\"interactionHandle\":\"" + handle + "\"}")).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(slow, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void faultsCanBeArmedOverHttp() throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/admin/faults/identify"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":502,\"times\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, put.statusCode());
        Answer state = client.introspect(client.interact());
        assertEquals(502, client.identify(state.body().get("stateHandle").asText(), "alice@example.com", null).status());
    }

    @Test
    void rateLimitsAnswer429WithOktasBodyAndHeaders() throws Exception {
        sim.rateLimits().limit("introspect", 2, Duration.ofMinutes(1));
        String handle = client.interact();
        HttpResponse<String> first = introspect(handle);
        assertEquals("2", first.headers().firstValue("X-Rate-Limit-Limit").orElseThrow());
        assertEquals("1", first.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
        introspect(handle);
        HttpResponse<String> limited = introspect(handle);
        assertEquals(429, limited.statusCode());
        assertTrue(limited.body().contains("\"key\":\"tooManyRequests\""), limited.body());
        assertEquals("0", limited.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
        assertTrue(Long.parseLong(limited.headers().firstValue("X-Rate-Limit-Reset").orElseThrow()) > 0);

        sim.clock().advance(Duration.ofMinutes(1));
        assertEquals(200, introspect(handle).statusCode(), "a new window");
    }

    @Test
    void theOutboxIsReadableAsJsonAndHtml() throws Exception {
        sim.outbox().send("reader@example.com", "Your verification code", "Enter 123456 <b>now</b>", "otp", "123456", null,
                sim.clock().instant());
        HttpResponse<String> jsonOutbox = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri()
                + "/admin/outbox?to=reader@example.com")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(jsonOutbox.body().contains("\"code\":\"123456\""), jsonOutbox.body());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/admin/outbox.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("123456"));
        assertTrue(page.body().contains("&lt;b&gt;now&lt;/b&gt;"), "message text is escaped");
    }

    @Test
    void requestCountersShowTheRoundTrips() throws Exception {
        sim.requestLog().reset();
        client.introspect(client.interact());
        HttpResponse<String> counts = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/admin/requests")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"interact\":1,\"introspect\":1}", counts.body());
    }

    @Test
    void timePerEndpointIsAddedUpBesideTheCounters() throws Exception {
        sim.requestLog().reset();
        client.introspect(client.interact());
        URI timing = URI.create(sim.baseUri() + "/admin/requests/timing");
        JsonNode spent = json.readTree(http.send(HttpRequest.newBuilder(timing).build(), HttpResponse.BodyHandlers.ofString()).body());
        // An answer reaches the client a moment before its time is added: ask again until both are in (bounded).
        for (int tries = 0; tries < 50 && spent.path("introspect").path("requests").asLong() < 1; tries++) {
            Thread.sleep(20);
            spent = json.readTree(http.send(HttpRequest.newBuilder(timing).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        assertEquals(Set.of("interact", "introspect"), Set.copyOf(iterable(spent.fieldNames())), "admin requests are not timed");
        for (String endpoint : List.of("interact", "introspect")) {
            assertEquals(1, spent.path(endpoint).path("requests").asLong(), spent.toString());
            assertTrue(spent.path(endpoint).path("nanos").asLong() > 0, spent.toString());
        }
        HttpResponse<String> counts = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/admin/requests")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"interact\":1,\"introspect\":1}", counts.body(), "the counters answer as before");

        http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/admin/requests")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        assertEquals("{}", http.send(HttpRequest.newBuilder(timing).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
