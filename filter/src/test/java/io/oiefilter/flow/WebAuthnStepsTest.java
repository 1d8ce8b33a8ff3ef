package io.oiefilter.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.SimulatorFixture;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import io.oiefilter.simulator.org.WebAuthnDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.oiefilter.flow.FlowPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebAuthn through the real IDX port against the simulator: the page's options answered by a software
 * authenticator (as a browser would), set up then used; a refused assertion and a form without the browser's answer.
 */
class WebAuthnStepsTest {
    private static final String PASSWORD = "WebAuthn-Pass-2026";
    private static final String ORIGIN = "http://localhost:8080";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Simulator sim;
    private SignInFlow flow;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().authenticatorActive(AuthenticatorKind.WEBAUTHN, true);
        sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.OPTIONAL);
        flow = FlowPages.flow(SimulatorFixture.config(sim));
    }

    @AfterEach
    void stop() {
        flow.close();
        sim.stop();
    }

    private OrgUser user(String login) {
        return sim.org().createUser(login, login, "Web", "Authn", List.of(), PASSWORD, UserStatus.ACTIVE, true, sim.clock().instant());
    }

    private FlowResult.Page afterPassword(String login, SignInView expected) {
        return FlowPages.afterPassword(flow, login, PASSWORD, expected);
    }

    private JsonNode options(FlowResult.Page p, String kind) throws Exception {
        PageContent content = flow.pageOf(p.state(), p.view());
        return JSON.readTree(content.webAuthnOptions()).get(kind);
    }

    private FlowResult.Page enrolled(OrgUser u, WebAuthnDevice device) throws Exception {
        FlowResult.Page select = afterPassword(u.login(), SignInView.SELECT);
        PageContent.Choice key = flow.pageOf(select.state(), select.view()).choices().stream()
                .filter(c -> "webauthn".equals(c.labelKey())).findFirst().orElseThrow();
        FlowResult.Page setUp = page(flow.select(select.state(), key.authenticatorId()), SignInView.WEBAUTHN);
        assertTrue(flow.pageOf(setUp.state(), setUp.view()).enrolling());
        JsonNode create = options(setUp, "create");
        assertEquals(u.login(), create.at("/user/name").asText());
        WebAuthnDevice.Attestation a = device.create(create.path("challenge").asText(), true);
        FlowResult done = flow.webAuthn(setUp.state(), Map.of("clientData", a.clientData(), "attestation", a.attestation()));
        if (done instanceof FlowResult.Page optional) { // what else the policy offers stays optional
            done = flow.skip(optional.state());
        }
        assertInstanceOf(FlowResult.SignedIn.class, done);
        assertEquals(device.credentialId(), u.webAuthnCredentials().get(0).credentialId());
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.WEBAUTHN));
        return afterPassword(u.login(), SignInView.WEBAUTHN);
    }

    @Test
    void setUpAPasskeyThenSignInWithIt() throws Exception {
        OrgUser u = user("passkey@example.com");
        WebAuthnDevice device = new WebAuthnDevice(ORIGIN, "localhost");
        FlowResult.Page challenge = enrolled(u, device);
        JsonNode get = options(challenge, "get");
        assertEquals(device.credentialId(), get.at("/allowCredentials/0/id").asText(), "the enrolled credential is allowed");
        WebAuthnDevice.Assertion a = device.get(get.path("challenge").asText());
        assertInstanceOf(FlowResult.SignedIn.class, flow.webAuthn(challenge.state(),
                Map.of("clientData", a.clientData(), "authenticatorData", a.authenticatorData(), "signatureData", a.signatureData())));
    }

    @Test
    void anAssertionOktaRefusesStaysOnThePageWithTheFiltersWords() throws Exception {
        OrgUser u = user("wrong.key@example.com");
        FlowResult.Page challenge = enrolled(u, new WebAuthnDevice(ORIGIN, "localhost"));
        WebAuthnDevice.Assertion other = new WebAuthnDevice(ORIGIN, "localhost").get(options(challenge, "get").path("challenge").asText());
        FlowResult.Page refused = page(flow.webAuthn(challenge.state(), Map.of("clientData", other.clientData(),
                "authenticatorData", other.authenticatorData(), "signatureData", other.signatureData())), SignInView.WEBAUTHN);
        assertEquals(List.of("oie.error.webAuthnRejected"), refused.messageKeys());
    }

    @Test
    void aFormWithoutTheBrowsersAnswerIsNotSentToOkta() throws Exception {
        OrgUser u = user("no.answer@example.com");
        FlowResult.Page challenge = enrolled(u, new WebAuthnDevice(ORIGIN, "localhost"));
        FlowResult.Page missing = page(flow.webAuthn(challenge.state(), Map.of("clientData", "abc")), SignInView.WEBAUTHN);
        assertEquals(List.of("oie.error.webAuthnMissing"), missing.messageKeys());
        FlowResult.Page notBase64 = page(flow.webAuthn(challenge.state(), Map.of("clientData", "a b", "authenticatorData", "<x>",
                "signatureData", "!")), SignInView.WEBAUTHN);
        assertEquals(List.of("oie.error.webAuthnMissing"), notBase64.messageKeys());
    }
}
