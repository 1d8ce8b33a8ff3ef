package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.oiefilter.simulator.SimulatorClient.remediationNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Going back to the start over real HTTP: cancel from every kind of step lands on the org's first
 * page (Okta's cancel answers a fresh identify state), and select-identify leaves the sign-up form.
 */
class RestartFlowsTest extends SimulatorTestBase {
    /** The demo org's first page: identify, sign-up (enabled in the seed) and self-service unlock (on by default). */
    static final List<String> FIRST_PAGE = List.of("identify", "select-enroll-profile", "unlock-account");

    private OrgApp app() {
        return sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow();
    }

    @BeforeEach
    @AfterEach
    void demoPolicies() {
        app().selfServiceRegistration(true);
        app().requireEmailCode(false);
    }

    private static String sh(JsonNode state) {
        return state.get("stateHandle").asText();
    }

    private JsonNode firstPage() throws Exception {
        return client.introspect(client.interact()).body();
    }

    /** Cancels and checks the answer is the first page with nothing of the old transaction left. */
    private JsonNode cancel(JsonNode state) throws Exception {
        Answer cancelled = client.idx("cancel", sh(state), "");
        assertEquals(200, cancelled.status(), cancelled.body().toString());
        JsonNode body = cancelled.body();
        assertEquals(FIRST_PAGE, remediationNames(body), body.toString());
        assertEquals("LOGIN", body.get("intent").asText());
        assertFalse(body.has("user"), "no user after cancel: " + body);
        assertFalse(body.has("messages"), body.toString());
        for (String gone : List.of("currentAuthenticator", "currentAuthenticatorEnrollment", "authenticators",
                "authenticatorEnrollments", "recoveryAuthenticator", "enrollmentAuthenticator", "successWithInteractionCode")) {
            assertFalse(body.has(gone), gone + " after cancel: " + body);
        }
        assertNotEquals(sh(state), sh(body), "a new stateHandle");
        assertEquals(401, client.idx("introspect", sh(state), "").status(), "the old stateHandle no longer works");
        return body;
    }

    /** After cancel a person signs in from scratch as anybody: identify leads to alice's password. */
    private void signsInAsAlice(JsonNode first) throws Exception {
        Answer identify = client.identify(sh(first), "alice@example.com", null);
        assertEquals(List.of("challenge-authenticator"), remediationNames(identify.body()), identify.body().toString());
        Answer done = client.answer(sh(identify.body()), "Wonderland-2026!");
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
    }

    @Test
    void cancelOnTheSignUpFormGoesBackToIdentifyNotToTheForm() throws Exception {
        JsonNode form = client.idx("enroll", sh(firstPage()), "").body();
        assertEquals(List.of("enroll-profile", "select-identify"), remediationNames(form));
        signsInAsAlice(cancel(form));
    }

    @Test
    void cancelAfterARefusedSignUp() throws Exception {
        JsonNode form = client.idx("enroll", sh(firstPage()), "").body();
        Answer refused = client.idx("enroll/new", sh(form), "\"userProfile\":{\"firstName\":\"\",\"lastName\":\"X\",\"email\":\"x@example.com\"}");
        assertEquals(400, refused.status());
        signsInAsAlice(cancel(refused.body()));
    }

    @Test
    void cancelAtThePassword() throws Exception {
        JsonNode password = client.identify(sh(firstPage()), "alice@example.com", null).body();
        signsInAsAlice(cancel(password));
    }

    @Test
    void cancelDuringRecovery() throws Exception {
        JsonNode password = client.identify(sh(firstPage()), "alice@example.com", null).body();
        JsonNode recover = client.idx("recover", sh(password), "").body();
        JsonNode challenge = client.select("challenge", recover, "email").body();
        String code = client.latestCode("alice@example.com");
        JsonNode first = cancel(challenge);
        assertEquals(FIRST_PAGE, remediationNames(first));
        assertEquals("identify", first.at("/remediation/value/0/name").asText(), "not identify-recovery");
        assertEquals(400, client.answer(sh(first), code).status(), "the recovery code is not asked for any more");
        signsInAsAlice(first);
    }

    @Test
    void cancelDuringAnActivation() throws Exception {
        OrgUser u = sim.org().createUser("cancelling@example.com", "cancelling@example.com", "Can", "Celling", List.of(), null,
                UserStatus.PROVISIONED, false, Instant.now());
        u.activationToken("tok-cancel", Instant.now().plus(Duration.ofDays(1)));
        JsonNode select = client.introspect(client.interact(Map.of("activation_token", "tok-cancel"))
                .body().get("interaction_handle").asText()).body();
        assertEquals(List.of("select-authenticator-enroll"), remediationNames(select));
        signsInAsAlice(cancel(select));
        assertEquals(UserStatus.PROVISIONED, u.status(), "cancel leaves the user as it was");
    }

    @Test
    void cancelWithEmailCodeInProgress() throws Exception {
        app().requireEmailCode(true);
        JsonNode select = client.answer(sh(client.identify(sh(firstPage()), "alice@example.com", null).body()),
                "Wonderland-2026!").body();
        JsonNode challenge = client.select("challenge", select, "email").body();
        JsonNode first = cancel(challenge);
        Answer identify = client.identify(sh(first), "alice@example.com", null);
        assertEquals(List.of("challenge-authenticator"), remediationNames(identify.body()));
        assertEquals("password", identify.body().at("/currentAuthenticatorEnrollment/value/type").asText(),
                "the password is asked again: nothing stays verified");
    }

    @Test
    void cancelWithoutSignUpOffersOnlyIdentify() throws Exception {
        app().selfServiceRegistration(false);
        JsonNode password = client.identify(sh(firstPage()), "alice@example.com", null).body();
        Answer cancelled = client.idx("cancel", sh(password), "");
        assertEquals(200, cancelled.status());
        assertFalse(remediationNames(cancelled.body()).contains("select-enroll-profile"), cancelled.body().toString());
    }

    @Test
    void selectIdentifyLeavesTheSignUpFormAndSignUpStaysOffered() throws Exception {
        JsonNode form = client.idx("enroll", sh(firstPage()), "").body();
        Answer refused = client.idx("enroll/new", sh(form), "\"userProfile\":{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"alice@example.com\"}");
        assertEquals(400, refused.status());
        assertEquals(List.of("enroll-profile", "select-identify"), remediationNames(refused.body()),
                "a refused profile still offers the way back");
        JsonNode back = refused.body().at("/remediation/value/1");
        assertEquals(sim.baseUri() + "/idp/idx/identify/select", back.get("href").asText());
        assertEquals(1, back.get("value").size(), "only the stateHandle: " + back);

        Answer identify = client.idx("identify/select", sh(refused.body()), "");
        assertEquals(200, identify.status(), identify.body().toString());
        assertEquals(FIRST_PAGE, remediationNames(identify.body()));
        assertEquals("LOGIN", identify.body().get("intent").asText());
        JsonNode again = client.idx("enroll", sh(identify.body()), "").body();
        assertEquals(List.of("enroll-profile", "select-identify"), remediationNames(again), "back to sign-up works");
        signsInAsAlice(client.idx("identify/select", sh(again), "").body());
    }

    @Test
    void selectIdentifyIsOnlyOfferedOnTheSignUpForm() throws Exception {
        assertEquals(400, client.idx("identify/select", sh(firstPage()), "").status());
    }

    @Test
    void identifyAcceptsRememberMeEitherWay() throws Exception {
        for (boolean remember : List.of(true, false)) {
            Answer a = client.ion(sim.baseUri() + "/idp/idx/identify", "{\"identifier\":\"alice@example.com\",\"rememberMe\":"
                    + remember + ",\"stateHandle\":\"" + sh(firstPage()) + "\"}");
            assertEquals(200, a.status(), a.body().toString());
            assertEquals(List.of("challenge-authenticator"), remediationNames(a.body()));
            assertEquals(remember, sim.interactions().byStateHandle(sh(a.body())).orElseThrow().rememberMe(), "recorded");
        }
        Answer unknown = client.ion(sim.baseUri() + "/idp/idx/identify", "{\"identifier\":\"nobody@example.com\",\"rememberMe\":true,"
                + "\"stateHandle\":\"" + sh(firstPage()) + "\"}");
        assertEquals(400, unknown.status(), "the usual failure, not a complaint about rememberMe");
        assertEquals("errors.E0000004", unknown.body().at("/messages/value/0/i18n/key").asText());
        Answer without = client.ion(sim.baseUri() + "/idp/idx/identify", "{\"identifier\":\"alice@example.com\",\"stateHandle\":\""
                + sh(firstPage()) + "\"}");
        assertEquals(200, without.status(), without.body().toString());
    }
}
