package io.oiefilter.simulator;

import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.oiefilter.simulator.Fixtures.assertShape;
import static io.oiefilter.simulator.SimulatorClient.ION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's answers against recorded real Okta responses (shared/idx-fixtures), compared by
 * structure, status and media type. Deliberate differences: ids, handles, hosts, times and labels
 * are values and not compared; nothing structural is excused.
 */
class ConformanceTest extends SimulatorTestBase {
    private static void mode(SignOnMode mode) {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().signOnMode(mode);
    }

    /**
     * Most recordings were made for orgs without sign-up or self-service unlock; the demo org has
     * both, so they are off here but where tested (unlock: ConformanceRestartTest).
     */
    @org.junit.jupiter.api.BeforeEach
    void noSignUpNoUnlock() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().selfServiceRegistration(false);
        sim.org().selfServiceUnlock(false);
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

    private static String sh(Answer a) {
        return a.body().get("stateHandle").asText();
    }

    @Test
    void emailCodeJourney() throws Exception {
        mode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().requireEmailCode(true);
        try {
            Answer identify = client.identify(sh(client.introspect(client.interact())), "alice@example.com", null);
            Answer select = client.answer(sh(identify), "Wonderland-2026!");
            assertShape("okta-idx-dotnet/mocks/06-2fa/email/2-steps-login-challenge-password-identify-response.json", select, 200, ION);
            Answer challenge = client.select("challenge", select.body(), "email");
            assertShape("okta-idx-dotnet/mocks/06-2fa/email/select-email-response.json", challenge, 200, ION);
            Answer invalid = client.answer(sh(challenge), "not-the-code");
            assertShape("okta-idx-dotnet/mocks/06-2fa/email/verify-email-invalid-code-response.json", invalid, 401, ION);
            Answer success = client.answer(sh(invalid), client.latestCode("alice@example.com"));
            assertShape("okta-idx-dotnet/mocks/06-2fa/email/verify-email-response.json", success, 200, ION);
        } finally {
            sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().requireEmailCode(false);
        }
    }

    @Test
    void optionalEnrollmentJourney() throws Exception {
        mode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().createUser("enrolling@example.com", "enrolling@example.com", "En", "Rolling", List.of(), "Enrolling-2026",
                UserStatus.ACTIVE, false, java.time.Instant.now());
        // As the public client the recording was made with (so no client_secret in the success form).
        Answer interact = client.form(sim.issuer() + "/v1/interact", Map.of("client_id", "0oa-demo-public-app", "scope", "openid",
                "redirect_uri", "http://localhost:8080/spa/callback", "state", "s",
                "code_challenge", SimulatorClient.challenge(SimulatorClient.VERIFIER), "code_challenge_method", "S256"));
        Answer identify = client.identify(sh(client.introspect(interact.body().get("interaction_handle").asText())),
                "enrolling@example.com", null);
        Answer select = client.answer(sh(identify), "Enrolling-2026");
        assertShape("okta-idx-java/api/src/test/resources/scenario_4_1_1/challenge-answer-email-response.json", select, 200, ION);
        Answer enroll = client.select("credential/enroll", select.body(), "email");
        assertShape("okta-idx-java/api/src/test/resources/scenario_4_1_1/credential-enroll-email-response.json", enroll, 200, ION);
        Answer skipped = client.idx("skip", sh(enroll), "");
        assertShape("okta-idx-java/api/src/test/resources/scenario_4_1_1/skip-response.json", skipped, 200, ION);
    }

    @Test
    void activationJourney() throws Exception {
        OrgUser pat = sim.org().createUser("activating@example.com", "activating@example.com", "Act", "Ivating", List.of(), null,
                UserStatus.PROVISIONED, true, java.time.Instant.now());
        pat.activationToken("activation-token-1", java.time.Instant.now().plusSeconds(3600));
        Answer introspect = client.introspect(client.interact(Map.of("activation_token", "activation-token-1"))
                .body().get("interaction_handle").asText());
        assertShape("okta-idx-java/api/src/test/resources/introspect-with-activation-token-response.json", introspect, 200, ION);
        Answer enroll = client.select("credential/enroll", introspect.body(), "password");
        assertShape("okta-idx-java/api/src/test/resources/scenario_4_1_1/credential-enroll-password-response.json", enroll, 200, ION);
        Answer common = client.answer(sh(enroll), "Password1"); // meets the complexity rules, but is on the common list
        assertShape("okta-signin-widget/playground/mocks/data/idp/idx/error-authenticator-enroll-password-common.json", common, 400, ION);
        assertEquals("This password was found in a list of commonly used passwords. Please try another password.",
                common.body().at("/remediation/value/0/value/0/form/value/0/messages/value/0/message").asText());

        Answer invalidToken = client.interact(Map.of("activation_token", "activation-token-1"));
        assertShape("okta-signin-widget/playground/mocks/data/oauth2/error-activation-token-invalid.json", invalidToken, 400,
                "application/json");
    }

    @Test
    void recoveryJourney() throws Exception {
        mode(SignOnMode.IDENTIFIER_FIRST);
        Answer identify = client.identify(sh(client.introspect(client.interact())), "alice@example.com", null);
        Answer recover = client.idx("recover", sh(identify), "");
        assertShape("okta-idx-dotnet/mocks/03-self-service-password-recovery/select-email-recover-response.json", recover, 200, ION);
        Answer challenge = client.select("challenge", recover.body(), "email");
        Answer reset = client.answer(sh(challenge), client.latestCode("alice@example.com"));
        Answer done = client.answer(sh(reset), "Wonderland-2026!");
        assertShape("okta-idx-dotnet/mocks/03-self-service-password-recovery/reset-password-challenge-answer-response.json", done, 200, ION);
    }

    @Test
    void lockout() throws Exception {
        mode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().createUser("locking@example.com", "locking@example.com", "Lock", "Ing", List.of(), "Locking-2026",
                UserStatus.ACTIVE, true, java.time.Instant.now());
        Answer state = client.identify(sh(client.introspect(client.interact())), "locking@example.com", null);
        for (int n = 0; n < sim.org().passwordPolicy().maxAttempts(); n++) {
            state = client.answer(sh(state), "wrong");
        }
        assertShape("okta-signin-widget/playground/mocks/data/idp/idx/error-authenticator-verification-password-too-many-attempts.json",
                state, 401, ION);
    }

    @Test
    void rateLimited() throws Exception {
        String handle = client.interact();
        sim.rateLimits().limit("introspect", 0, java.time.Duration.ofMinutes(1));
        try {
            assertShape("okta-signin-widget/playground/mocks/data/idp/idx/error-429-too-many-request.json", client.introspect(handle), 429, ION);
        } finally {
            sim.rateLimits().clear();
        }
    }

    @Test
    void interactionCodeGrantNotEnabled() throws Exception {
        sim.org().addApp(new io.oiefilter.simulator.org.OrgApp("0oa-no-idx", "s", "No IDX", List.of("http://localhost/cb"), List.of(),
                List.of("authorization_code"), SignOnMode.IDENTIFIER_FIRST, false));
        Answer a = client.form(sim.issuer() + "/v1/interact", Map.of("client_id", "0oa-no-idx", "client_secret", "s",
                "scope", "openid", "redirect_uri", "http://localhost/cb", "state", "s",
                "code_challenge", SimulatorClient.challenge(SimulatorClient.VERIFIER), "code_challenge_method", "S256"));
        assertShape("okta-signin-widget/src/v3/src/mocks/response/oauth2/default/v1/interact/error-400-unauthorized-client.json",
                a, 400, "application/json");
    }

    @Test
    void expiredPassword() throws Exception {
        mode(SignOnMode.ONE_STEP);
        try {
            OrgUser u = sim.org().createUser("expired@example.com", "expired@example.com", "Ex", "Pired", List.of(), "Old-Password-1",
                    UserStatus.PASSWORD_EXPIRED, true, java.time.Instant.now());
            Answer reenroll = client.identify(sh(client.introspect(client.interact())), u.login(), "Old-Password-1");
            assertShape("okta-idx-dotnet/mocks/01-basic-login/password-expired-identify-response.json", reenroll, 200, ION);
            Answer done = client.answer(sh(reenroll), "New-Password-2");
            assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
            assertEquals(UserStatus.ACTIVE, u.status());
        } finally {
            mode(SignOnMode.IDENTIFIER_FIRST);
        }
    }

    @Test
    void signUp() throws Exception {
        mode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().selfServiceRegistration(true);
        Answer identify = client.introspect(client.interact());
        assertEquals(List.of("identify", "select-enroll-profile"), SimulatorClient.remediationNames(identify.body()));
        Answer form = client.idx("enroll", sh(identify), "");
        assertShape("okta-idx-java/api/src/test/resources/scenario_4_1_1/enroll-response.json", form, 200, ION);
        Answer invalid = client.idx("enroll/new", sh(form), "\"userProfile\":{\"firstName\":\"Sue\",\"lastName\":\"Up\",\"email\":\"not-an-email\"}");
        assertShape("okta-idx-java/api/src/test/resources/enroll-profile-error-response.json", invalid, 400, ION);
        Answer created = client.idx("enroll/new", sh(invalid), "\"userProfile\":{\"firstName\":\"Sue\",\"lastName\":\"Up\",\"email\":\"sue.up@example.com\"}");
        assertShape("okta-idx-java/api/src/test/resources/scenario_4_1_1/enroll-new-response.json", created, 200, ION);
        assertEquals(UserStatus.PROVISIONED, sim.org().userByLogin("sue.up@example.com").orElseThrow().status(),
                "a registrant who stops here is PROVISIONED");
    }
}
