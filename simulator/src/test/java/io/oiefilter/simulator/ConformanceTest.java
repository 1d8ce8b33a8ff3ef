package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.SignOnMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.oiefilter.simulator.SimulatorClient.ION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's answers against recorded real Okta responses (shared/idx-fixtures), compared by
 * structure, status and media type. Deliberate differences: ids, handles, hosts, times and labels
 * are values and not compared; nothing structural is excused.
 */
class ConformanceTest extends SimulatorTestBase {
    /**
     * The one list of tolerated differences, each between fixtures that disagree among themselves:
     * the simulator follows the responses captured from a real org (okta-idx-dotnet) there.
     */
    private static final Map<String, Set<String>> TOLERATED = Map.of(
            // A hand-made 2020 fixture; the captured dotnet ones carry "produces" on cancel.
            "okta-idx-java/api/src/test/resources/identify-first-error-response.json",
            Set.of("$.cancel: unexpected key 'produces'"));

    private static final Path FIXTURES = Path.of(System.getProperty("oie.fixtures.dir", "../../shared/idx-fixtures"));
    private static JsonNode fixture(String path) throws IOException {
        Path file = FIXTURES.resolve(path);
        assertTrue(Files.isRegularFile(file), "fixture missing: " + file.toAbsolutePath());
        return new ObjectMapper().readTree(file.toFile());
    }

    private static void assertShape(String fixture, Answer actual, int status, String mediaType) throws IOException {
        List<String> diffs = new java.util.ArrayList<>(ShapeComparison.differences(fixture(fixture), actual.body()));
        diffs.removeAll(TOLERATED.getOrDefault(fixture, Set.of()));
        assertTrue(diffs.isEmpty(), fixture + " differs:\n" + String.join("\n", diffs) + "\nactual: " + actual.body());
        assertEquals(status, actual.status(), fixture);
        assertEquals(mediaType, actual.contentType(), fixture);
    }

    private static void mode(SignOnMode mode) {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().signOnMode(mode);
    }

    @Test
    void interact() throws Exception {
        mode(SignOnMode.IDENTIFIER_FIRST);
        Answer a = client.form(sim.issuer() + "/v1/interact", java.util.Map.of("client_id", SimulatorClient.CLIENT_ID,
                "scope", "openid profile", "redirect_uri", SimulatorClient.REDIRECT, "state", "x",
                "code_challenge", SimulatorClient.challenge("v-0123456789-0123456789-0123456789-0123456789"),
                "code_challenge_method", "S256"));
        assertShape("okta-idx-dotnet/mocks/common/interact-response.json", a, 200, "application/json");
    }

    @Test
    void identifierFirstJourney() throws Exception {
        mode(SignOnMode.IDENTIFIER_FIRST);
        Answer introspect = client.introspect(client.interact());
        assertShape("okta-idx-dotnet/mocks/01-basic-login/two-steps-login/introspect-response.json", introspect, 200, ION);

        Answer identify = client.identify(introspect.body().get("stateHandle").asText(), "alice@example.com", null);
        assertShape("okta-idx-dotnet/mocks/01-basic-login/two-steps-login/identify-response.json", identify, 200, ION);

        Answer wrong = client.answer(identify.body().get("stateHandle").asText(), "wrong");
        assertShape("okta-idx-java/api/src/test/resources/identify-first-error-response.json", wrong, 401, ION);

        Answer success = client.answer(wrong.body().get("stateHandle").asText(), "Wonderland-2026!");
        assertShape("okta-idx-dotnet/mocks/01-basic-login/two-steps-login/challenge-response.json", success, 200, ION);
        assertTrue(success.body().at("/successWithInteractionCode/href").asText().startsWith(sim.issuer()),
                "hrefs point at the simulator");

        Answer tokens = client.token(SimulatorClient.interactionCode(success.body()), SimulatorClient.VERIFIER, SimulatorClient.SECRET);
        assertShape("okta-idx-dotnet/mocks/common/token-response.json", tokens, 200, "application/json");
    }

    @Test
    void oneStepJourney() throws Exception {
        mode(SignOnMode.ONE_STEP);
        try {
            Answer introspect = client.introspect(client.interact());
            assertShape("okta-idx-dotnet/mocks/01-basic-login/one-step-login/introspect-response.json", introspect, 200, ION);
            assertTrue(introspect.body().at("/remediation/value/0/href").asText().startsWith(sim.baseUri() + "/idp/idx/"));

            Answer suspended = client.identify(introspect.body().get("stateHandle").asText(), "bob@example.com", "CanWeFixIt-2026!");
            assertShape("okta-idx-dotnet/mocks/01-basic-login/suspended-user-identify-response.json", suspended, 400, ION);
            assertEquals("errors.E0000004", suspended.body().at("/messages/value/0/i18n/key").asText());

            Answer success = client.identify(suspended.body().get("stateHandle").asText(), "alice@example.com", "Wonderland-2026!");
            assertShape("okta-idx-dotnet/mocks/01-basic-login/one-step-login/identify-response.json", success, 200, ION);
        } finally {
            mode(SignOnMode.IDENTIFIER_FIRST);
        }
    }

    @Test
    void unknownUserLooksLikeEveryOtherIdentifyFailure() throws Exception {
        mode(SignOnMode.ONE_STEP);
        try {
            Answer introspect = client.introspect(client.interact());
            Answer unknown = client.identify(introspect.body().get("stateHandle").asText(), "nobody@example.com", "x");
            assertShape("okta-idx-dotnet/mocks/01-basic-login/suspended-user-identify-response.json", unknown, 400, ION);
            assertEquals("Authentication failed", unknown.body().at("/messages/value/0/message").asText());
        } finally {
            mode(SignOnMode.IDENTIFIER_FIRST);
        }
    }

    @Test
    void expiredOrUnknownStateHandle() throws Exception {
        Answer a = client.ion(sim.baseUri() + "/idp/idx/introspect", "{\"interactionHandle\":\"no-such-handle\"}");
        assertShape("okta-idx-java/api/src/test/resources/introspect-error-response.json", a, 401, ION);
        assertEquals("idx.session.expired", a.body().at("/messages/value/0/i18n/key").asText());
    }
}
