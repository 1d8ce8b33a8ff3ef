package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.UserStatus;
import io.oiefilter.simulator.org.WebAuthnDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.oiefilter.simulator.SimulatorClient.remediationNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebAuthn over real HTTP: a credential enrolled from a verified attestation, then used by a verified assertion. */
class WebAuthnFlowsTest extends SimulatorTestBase {
    private static final String ORIGIN = "http://localhost:8080";
    private static int users;

    private static OrgApp app() {
        return sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow();
    }

    @BeforeEach
    void orgHasWebAuthn() {
        sim.org().authenticatorActive(AuthenticatorKind.WEBAUTHN, true);
        sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.OPTIONAL);
    }

    @AfterEach
    void resetPolicies() {
        app().secondFactors(Set.of());
        sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.NOT_ALLOWED);
        sim.org().authenticatorActive(AuthenticatorKind.WEBAUTHN, false);
    }

    private static OrgUser newUser() {
        String login = "wa" + (++users) + "@example.com";
        return sim.org().createUser(login, login, "Web", "Authn", List.of(), "Wa-Pass-2026", UserStatus.ACTIVE, true, sim.clock().instant());
    }

    private static String sh(JsonNode state) {
        return state.get("stateHandle").asText();
    }

    private static JsonNode afterPassword(OrgUser u) throws Exception {
        Answer id = client.identify(sh(client.introspect(client.interact()).body()), u.login(), null);
        Answer pw = client.answer(sh(id.body()), "Wa-Pass-2026");
        assertEquals(200, pw.status(), pw.body().toString());
        return pw.body();
    }

    private static JsonNode enrolling(OrgUser u) throws Exception {
        Answer enroll = client.select("credential/enroll", afterPassword(u), "webauthn");
        assertEquals(200, enroll.status(), enroll.body().toString());
        return enroll.body();
    }

    private static Answer attest(JsonNode state, WebAuthnDevice.Attestation a) throws Exception {
        return client.idx("challenge/answer", sh(state), "\"credentials\":{\"clientData\":\"" + a.clientData()
                + "\",\"attestation\":\"" + a.attestation() + "\"}");
    }

    private static Answer assertion(JsonNode state, WebAuthnDevice.Assertion a) throws Exception {
        return client.idx("challenge/answer", sh(state), "\"credentials\":{\"clientData\":\"" + a.clientData()
                + "\",\"authenticatorData\":\"" + a.authenticatorData() + "\",\"signatureData\":\"" + a.signatureData() + "\"}");
    }

    /** The challenge of a user who enrolled with this device, after the password. */
    private static JsonNode challenged(OrgUser u) throws Exception {
        app().secondFactors(Set.of(AuthenticatorKind.WEBAUTHN));
        JsonNode afterPw = afterPassword(u);
        if (remediationNames(afterPw).contains("challenge-authenticator")) {
            return afterPw;
        }
        Answer chosen = client.select("challenge", afterPw, "webauthn");
        assertEquals(200, chosen.status(), chosen.body().toString());
        return chosen.body();
    }

    @Test
    void enrollWithNoneThenSignInWithAnAssertion() throws Exception {
        OrgUser u = newUser();
        JsonNode enroll = enrolling(u);
        assertEquals(List.of("enroll-authenticator", "select-authenticator-enroll", "skip"), remediationNames(enroll));
        JsonNode current = enroll.at("/currentAuthenticator/value");
        assertEquals("webauthn", current.path("key").asText());
        assertEquals("security_key", current.path("type").asText());
        JsonNode activation = current.at("/contextualData/activationData");
        assertEquals(-7, activation.at("/pubKeyCredParams/0/alg").asInt());
        assertEquals(u.login(), activation.at("/user/name").asText());
        String challenge = activation.path("challenge").asText();
        assertEquals(20, challenge.length());

        WebAuthnDevice device = new WebAuthnDevice(ORIGIN, "localhost");
        Answer done = attest(enroll, device.create(challenge, false));
        assertEquals(200, done.status(), done.body().toString());
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
        assertEquals(device.credentialId(), u.webAuthnCredentials().get(0).credentialId());

        JsonNode challenge2 = challenged(u);
        assertEquals("challenge-authenticator", remediationNames(challenge2).get(0));
        JsonNode data = challenge2.at("/currentAuthenticator/value/contextualData/challengeData");
        JsonNode enrollment = null;
        for (JsonNode e : challenge2.at("/authenticatorEnrollments/value")) {
            if (e.path("key").asText().equals("webauthn")) {
                enrollment = e;
            }
        }
        assertEquals(device.credentialId(), enrollment.path("credentialId").asText(), "allowCredentials as the widget reads them");
        Answer signedIn = assertion(challenge2, device.get(data.path("challenge").asText()));
        assertEquals(200, signedIn.status(), signedIn.body().toString());
        assertTrue(signedIn.body().has("successWithInteractionCode"));
        assertEquals(1, u.webAuthnCredentials().get(0).signCount());
    }

    @Test
    void enrollWithPackedSelfAttestation() throws Exception {
        OrgUser u = newUser();
        JsonNode enroll = enrolling(u);
        WebAuthnDevice device = new WebAuthnDevice(ORIGIN, "localhost");
        Answer done = attest(enroll, device.create(enroll.at("/currentAuthenticator/value/contextualData/activationData/challenge").asText(), true));
        assertEquals(200, done.status(), done.body().toString());
        assertEquals(1, u.webAuthnCredentials().size());
    }

    @Test
    void refusedAttestations() throws Exception {
        OrgUser u = newUser();
        JsonNode enroll = enrolling(u);
        String challenge = enroll.at("/currentAuthenticator/value/contextualData/activationData/challenge").asText();
        for (WebAuthnDevice.Attestation bad : List.of(
                new WebAuthnDevice("http://evil.example", "localhost").create(challenge, false), // origin not the org's
                new WebAuthnDevice(ORIGIN, "example.com").create(challenge, false),           // another rp id
                new WebAuthnDevice(ORIGIN, "localhost").create("AAAAAAAAAAAAAAAAAAAA", false), // another challenge
                new WebAuthnDevice.Attestation("bm90IGpzb24", "AAAA"))) {                       // not JSON nor CBOR
            Answer refused = attest(enroll, bad);
            assertEquals(400, refused.status(), refused.body().toString());
            assertEquals("authfactor.webauthn.error.attestation_validation_failure", refused.body().at("/messages/value/0/i18n/key").asText());
        }
        assertTrue(u.webAuthnCredentials().isEmpty());
    }

    @Test
    void anAssertionFromAnotherKeyGetsTheRecordedError() throws Exception {
        OrgUser u = newUser();
        JsonNode enroll = enrolling(u);
        WebAuthnDevice device = new WebAuthnDevice(ORIGIN, "localhost");
        assertEquals(200, attest(enroll, device.create(enroll.at("/currentAuthenticator/value/contextualData/activationData/challenge").asText(), false)).status());
        JsonNode challenge = challenged(u);
        String c = challenge.at("/currentAuthenticator/value/contextualData/challengeData/challenge").asText();
        Answer refused = assertion(challenge, new WebAuthnDevice(ORIGIN, "localhost").get(c));
        assertEquals(400, refused.status(), refused.body().toString());
        assertEquals("None of the WebAuthn authenticators the user has enrolled for was able to validate the assertion",
                refused.body().at("/messages/value/0/message").asText());
        assertEquals("authfactor.webauthn.error.assertion_validation_failure", refused.body().at("/messages/value/0/i18n/key").asText());
        assertEquals("challenge-authenticator", remediationNames(refused.body()).get(0));
        Answer replayedChallenge = assertion(challenge, device.get("AAAAAAAAAAAAAAAAAAAA"));
        assertEquals(400, replayedChallenge.status());
        Answer ok = assertion(challenge, device.get(c));
        assertEquals(200, ok.status(), ok.body().toString());
    }
}
