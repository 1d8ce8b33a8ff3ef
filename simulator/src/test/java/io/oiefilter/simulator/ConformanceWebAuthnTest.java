package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.UserStatus;
import io.oiefilter.simulator.org.WebAuthnDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.oiefilter.simulator.SimulatorClient.ION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebAuthn's states and its recorded failure against the widget's recordings (authenticator-enroll-webauthn.json,
 * authenticator-verification-webauthn.json, error-authenticator-webauthn-failure.json) and okta-idx-java's
 * scenario_10_2_1 enrollment. Tolerances are listed here, each with its reason.
 */
class ConformanceWebAuthnTest extends SimulatorTestBase {
    private static final String WIDGET = "okta-signin-widget/playground/mocks/data/idp/idx/";
    private static final Path FIXTURES = Path.of(System.getProperty("oie.fixtures.dir", "../../shared/idx-fixtures"));
    private static final String ORIGIN = "http://localhost:8080";
    private static final String ACTIVATION = "$.currentAuthenticator.value.contextualData.activationData";
    private static final String CHALLENGE_DATA = "$.currentAuthenticator.value.contextualData.challengeData";

    /**
     * Everywhere: the recorded orgs had more (phone, Okta Verify, custom OTP: their options and enrollments) and the
     * user object's identifier; Okta's u2fParams/hints/appid concern U2F keys of its own domain, which the simulator
     * does not emulate; user verification is the org's setting (the recordings differ among themselves).
     */
    private static boolean tolerated(String diff) {
        return diff.contains("no item named") || diff.contains("unrecorded item named")
                || diff.startsWith("$.user.value: missing key") || diff.contains("'u2fParams'") || diff.contains("'hints'")
                || diff.contains("'extensions'") || diff.contains("'settings'") || diff.contains("'methods'")
                || diff.contains("'catalogKey'") || diff.contains("'authenticatorId'") || diff.contains("'transports'")
                || diff.contains("'profile'") || diff.contains("'key'") || diff.contains("'produces'")
                || diff.matches("\\$\\.authenticator(Enrollments|s)\\.value\\[\\d+\\].*");
    }

    private static void assertShape(String fixture, Answer actual, int status, Set<String> required) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve(fixture).toFile());
        List<String> diffs = new ArrayList<>(ShapeComparison.differences(expected, actual.body()));
        for (String r : required) {
            assertTrue(diffs.stream().noneMatch(d -> d.startsWith(r)), fixture + ": " + r + " differs: " + diffs);
        }
        diffs.removeIf(ConformanceWebAuthnTest::tolerated);
        assertTrue(diffs.isEmpty(), fixture + " differs:\n" + String.join("\n", diffs) + "\nactual: " + actual.body());
        assertEquals(status, actual.status(), fixture);
        assertEquals(ION, actual.contentType(), fixture);
    }

    @BeforeEach
    void recordedOrg() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().selfServiceRegistration(false);
        sim.org().selfServiceUnlock(false);
        sim.org().authenticatorActive(AuthenticatorKind.WEBAUTHN, true);
        sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.OPTIONAL);
    }

    @AfterEach
    void reset() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of());
        sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.NOT_ALLOWED);
        sim.org().authenticatorActive(AuthenticatorKind.WEBAUTHN, false);
    }

    private static OrgUser user(String login) {
        return sim.org().createUser(login, login, "Wa", "Conf", List.of(), "Wa-Conf-2026", UserStatus.ACTIVE, true, Instant.now());
    }

    private static JsonNode afterPassword(OrgUser u) throws Exception {
        Answer id = client.identify(client.introspect(client.interact()).body().get("stateHandle").asText(), u.login(), null);
        return client.answer(id.body().get("stateHandle").asText(), "Wa-Conf-2026").body();
    }

    @Test
    void enrollment() throws Exception {
        Answer enroll = client.select("credential/enroll", afterPassword(user("wa-conf-enroll@example.com")), "webauthn");
        Set<String> required = Set.of(ACTIVATION, "$.remediation.value[enroll-authenticator]");
        assertShape(WIDGET + "authenticator-enroll-webauthn.json", enroll, 200, required);
        assertShape("okta-idx-java/api/src/test/resources/scenario_10_2_1/credential-enroll-webauthn-response.json", enroll, 200, required);
    }

    @Test
    void challengeAndTheRecordedFailure() throws Exception {
        OrgUser u = user("wa-conf-verify@example.com");
        Answer enroll = client.select("credential/enroll", afterPassword(u), "webauthn");
        WebAuthnDevice device = new WebAuthnDevice(ORIGIN, "localhost");
        WebAuthnDevice.Attestation a = device.create(enroll.body().at("/currentAuthenticator/value/contextualData/activationData/challenge").asText(), false);
        client.idx("challenge/answer", enroll.body().get("stateHandle").asText(),
                "\"credentials\":{\"clientData\":\"" + a.clientData() + "\",\"attestation\":\"" + a.attestation() + "\"}");
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.EMAIL, AuthenticatorKind.WEBAUTHN));
        Answer challenge = client.select("challenge", afterPassword(u), "webauthn");
        Set<String> required = Set.of(CHALLENGE_DATA, "$.remediation.value[challenge-authenticator]");
        assertShape(WIDGET + "authenticator-verification-webauthn.json", challenge, 200, required);

        WebAuthnDevice.Assertion wrong = new WebAuthnDevice(ORIGIN, "localhost")
                .get(challenge.body().at("/currentAuthenticator/value/contextualData/challengeData/challenge").asText());
        Answer failed = client.idx("challenge/answer", challenge.body().get("stateHandle").asText(), "\"credentials\":{\"clientData\":\""
                + wrong.clientData() + "\",\"authenticatorData\":\"" + wrong.authenticatorData() + "\",\"signatureData\":\"" + wrong.signatureData() + "\"}");
        assertShape(WIDGET + "error-authenticator-webauthn-failure.json", failed, 400, Set.of("$.messages", CHALLENGE_DATA));
        assertEquals(new ObjectMapper().readTree(FIXTURES.resolve(WIDGET + "error-authenticator-webauthn-failure.json").toFile()).get("messages"),
                failed.body().get("messages"), "Okta's recorded message, word for word");
    }
}
