package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.oiefilter.simulator.SimulatorClient.remediationNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The org's policies over real HTTP: email codes, enrollment, skip, recovery, lockout, activation, expiry. */
class IdxFlowsTest extends SimulatorTestBase {

    private OrgApp app() {
        return sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow();
    }

    @AfterEach
    void resetPolicies() {
        app().requireEmailCode(false);
        sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.OPTIONAL);
    }

    private JsonNode passwordChallenge(String login) throws Exception {
        Answer i = client.introspect(client.interact());
        Answer id = client.identify(i.body().get("stateHandle").asText(), login, null);
        assertEquals(200, id.status(), id.body().toString());
        return id.body();
    }

    private static String sh(JsonNode state) {
        return state.get("stateHandle").asText();
    }

    @Test
    void passwordThenEmailCode() throws Exception {
        app().requireEmailCode(true);
        JsonNode pw = passwordChallenge("alice@example.com");
        Answer select = client.answer(sh(pw), "Wonderland-2026!");
        assertEquals(List.of("select-authenticator-authenticate"), remediationNames(select.body()));

        int before = sim.outbox().to("alice@example.com").size();
        Answer challenge = client.select("challenge", select.body(), "email");
        assertEquals(List.of("challenge-authenticator"), remediationNames(challenge.body()));
        assertEquals("a***e@example.com", challenge.body().at("/currentAuthenticatorEnrollment/value/profile/email").asText());
        assertEquals(before + 1, sim.outbox().to("alice@example.com").size(), "a code was emailed");

        Answer wrong = client.answer(sh(challenge.body()), "000000".equals(client.latestCode("alice@example.com")) ? "111111" : "000000");
        assertEquals(401, wrong.status());
        assertEquals("api.authn.error.PASSCODE_INVALID",
                wrong.body().at("/remediation/value/0/value/0/form/value/0/messages/value/0/i18n/key").asText());

        Answer done = client.answer(sh(wrong.body()), client.latestCode("alice@example.com"));
        assertEquals(200, done.status(), done.body().toString());
        assertTrue(done.body().has("successWithInteractionCode"));
    }

    @Test
    void emailCodesWorkOnceAndExpire() throws Exception {
        app().requireEmailCode(true);
        JsonNode select = client.answer(sh(passwordChallenge("alice@example.com")), "Wonderland-2026!").body();
        JsonNode challenge = client.select("challenge", select, "email").body();
        String code = client.latestCode("alice@example.com");
        sim.clock().advance(emailCodeLifetime().plusSeconds(1));
        assertEquals(401, client.answer(sh(challenge), code).status(), "expired after 5 minutes");

        Answer resent = client.idx("challenge/resend", sh(challenge), "");
        assertEquals(200, resent.status());
        String fresh = client.latestCode("alice@example.com");
        assertEquals(200, client.answer(sh(resent.body()), fresh).status());
    }

    private static Duration emailCodeLifetime() {
        return io.oiefilter.simulator.idx.IdxEngine.EMAIL_CODE_LIFETIME;
    }

    @Test
    void optionalEmailEnrollmentCanBeSkipped() throws Exception {
        OrgUser u = sim.org().createUser("newbie@example.com", "newbie@example.com", "New", "Bie", List.of(),
                "Newbie-Pass-2026", UserStatus.ACTIVE, false, Instant.now());
        Answer enroll = client.answer(sh(passwordChallenge(u.login())), "Newbie-Pass-2026");
        assertEquals(List.of("select-authenticator-enroll", "skip"), remediationNames(enroll.body()));
        Answer done = client.idx("skip", sh(enroll.body()), "");
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
        assertFalse(u.enrolled(AuthenticatorKind.EMAIL));
    }

    @Test
    void requiredEmailEnrollmentSendsACodeAndEnrolls() throws Exception {
        sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.REQUIRED);
        OrgUser u = sim.org().createUser("enrol@example.com", "enrol@example.com", "En", "Rol", List.of(),
                "Enrol-Pass-2026", UserStatus.ACTIVE, false, Instant.now());
        Answer select = client.answer(sh(passwordChallenge(u.login())), "Enrol-Pass-2026");
        assertEquals(List.of("select-authenticator-enroll"), remediationNames(select.body()), "required: no skip");
        Answer enroll = client.select("credential/enroll", select.body(), "email");
        assertEquals(List.of("enroll-authenticator", "select-authenticator-enroll"), remediationNames(enroll.body()));
        Answer done = client.answer(sh(enroll.body()), client.latestCode(u.email()));
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
        assertTrue(u.enrolled(AuthenticatorKind.EMAIL));
    }

    @Test
    void activationTokenLeadsToEnrollmentThenActive() throws Exception {
        OrgUser pat = sim.org().createUser("pat2@example.com", "pat2@example.com", "Pat", "Two", List.of(), null,
                UserStatus.PROVISIONED, false, Instant.now());
        pat.activationToken("tok-123", Instant.now().plus(Duration.ofDays(7)));
        Answer interact = client.interact(Map.of("activation_token", "tok-123"));
        assertEquals(200, interact.status(), interact.body().toString());
        JsonNode select = client.introspect(interact.body().get("interaction_handle").asText()).body();
        assertEquals(List.of("select-authenticator-enroll"), remediationNames(select));
        assertEquals(pat.id(), select.at("/user/value/id").asText());

        JsonNode email = client.select("credential/enroll", select, "email").body();
        JsonNode password = client.answer(sh(email), client.latestCode("pat2@example.com")).body();
        assertEquals(List.of("select-authenticator-enroll"), remediationNames(password));
        JsonNode enrollPassword = client.select("credential/enroll", password, "password").body();
        assertEquals(8, enrollPassword.at("/currentAuthenticator/value/settings/complexity/minLength").asInt());

        Answer weak = client.answer(sh(enrollPassword), "short");
        assertEquals(400, weak.status());
        assertEquals("password.passwordRequirementsNotMet",
                weak.body().at("/remediation/value/0/value/0/form/value/0/messages/value/0/i18n/key").asText());
        Answer done = client.answer(sh(weak.body()), "Strong-Pass-2026");
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
        assertEquals(UserStatus.ACTIVE, pat.status());

        Answer reused = client.interact(Map.of("activation_token", "tok-123"));
        assertEquals(400, reused.status());
        assertEquals("The activation token is invalid", reused.body().get("error_description").asText());
    }

    /**
     * Email enrolled, browser closed before the password: the next activation token's transaction
     * offers only what is not enrolled and lists the email among the user's enrollments, as Okta's
     * introspect-with-activation-token response does (authenticators vs authenticatorEnrollments).
     */
    @Test
    void anAbandonedActivationResumesWithOnlyWhatIsNotEnrolled() throws Exception {
        OrgUser u = sim.org().createUser("halfway@example.com", "halfway@example.com", "Half", "Way", List.of(), null,
                UserStatus.PROVISIONED, false, Instant.now());
        u.activationToken("tok-first", Instant.now().plus(Duration.ofDays(7)));
        JsonNode first = client.introspect(client.interact(Map.of("activation_token", "tok-first"))
                .body().get("interaction_handle").asText()).body();
        JsonNode email = client.select("credential/enroll", first, "email").body();
        Answer emailDone = client.answer(sh(email), client.latestCode(u.email()));
        assertEquals(List.of("select-authenticator-enroll"), remediationNames(emailDone.body()), emailDone.body().toString());
        assertEquals(UserStatus.PROVISIONED, u.status());
        assertTrue(u.enrolled(AuthenticatorKind.EMAIL));

        u.activationToken("tok-second", Instant.now().plus(Duration.ofDays(7)));
        JsonNode again = client.introspect(client.interact(Map.of("activation_token", "tok-second"))
                .body().get("interaction_handle").asText()).body();
        assertEquals(List.of("select-authenticator-enroll"), remediationNames(again));
        assertEquals(u.id(), again.at("/user/value/id").asText());
        JsonNode offered = again.at("/authenticators/value");
        assertEquals(1, offered.size(), offered.toString());
        assertEquals("okta_password", offered.get(0).get("key").asText());
        JsonNode options = again.at("/remediation/value/0/value/0/options");
        assertEquals(1, options.size(), "only the password can be chosen: " + options);
        JsonNode enrolled = again.at("/authenticatorEnrollments/value");
        assertEquals(1, enrolled.size(), enrolled.toString());
        assertEquals("email", enrolled.get(0).get("type").asText());
        assertEquals("okta_email", enrolled.get(0).get("key").asText());
        assertTrue(enrolled.get(0).get("id").asText().startsWith("eae"), enrolled.toString());
    }

    @Test
    void activationTokensNeedAConfidentialClient() throws Exception {
        Answer a = client.form(sim.issuer() + "/v1/interact", Map.of("client_id", "0oa-demo-public-app", "scope", "openid",
                "redirect_uri", "http://localhost:8080/spa/callback", "state", "s", "activation_token", "whatever",
                "code_challenge", SimulatorClient.challenge(SimulatorClient.VERIFIER), "code_challenge_method", "S256"));
        assertEquals(400, a.status());
        assertEquals("invalid_request", a.body().get("error").asText(), "Okta's answer, as its users report it");
        assertEquals("Only confidential clients can use the activation token flow", a.body().get("error_description").asText());
    }

    @Test
    void wrongPasswordsLockTheUserOut() throws Exception {
        OrgUser u = sim.org().createUser("careless@example.com", "careless@example.com", "Care", "Less", List.of(),
                "Right-Pass-2026", UserStatus.ACTIVE, true, Instant.now());
        JsonNode state = passwordChallenge(u.login());
        int max = sim.org().passwordPolicy().maxAttempts();
        Answer last = null;
        for (int n = 0; n < max; n++) {
            last = client.answer(sh(state), "wrong-" + n);
            state = last.body();
        }
        assertEquals(UserStatus.LOCKED_OUT, u.status());
        assertEquals("authfactor.challenge.suspended_factor", last.body().at("/messages/value/0/i18n/key").asText());
        Answer identify = client.identify(sh(client.introspect(client.interact()).body()), u.login(), null);
        assertEquals(400, identify.status(), "a locked-out user gets the generic identify failure");
    }

    @Test
    void forgotPasswordByEmailCode() throws Exception {
        JsonNode pw = passwordChallenge("alice@example.com");
        Answer recover = client.idx("recover", sh(pw), "");
        assertEquals(List.of("select-authenticator-authenticate"), remediationNames(recover.body()));
        assertTrue(recover.body().has("recoveryAuthenticator"));
        JsonNode challenge = client.select("challenge", recover.body(), "email").body();
        Answer reset = client.answer(sh(challenge), client.latestCode("alice@example.com"));
        assertEquals(List.of("reset-authenticator"), remediationNames(reset.body()));
        Answer done = client.answer(sh(reset.body()), "Wonderland-2026!");
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
    }

    @Test
    void stateHandlesExpire() throws Exception {
        JsonNode pw = passwordChallenge("alice@example.com");
        sim.clock().advance(Simulator.TRANSACTION_LIFETIME.plusMinutes(1));
        Answer late = client.answer(sh(pw), "Wonderland-2026!");
        assertEquals(401, late.status());
        assertEquals("idx.session.expired", late.body().at("/messages/value/0/i18n/key").asText());
    }

    @Test
    void stepsNotOfferedAreRefused() throws Exception {
        JsonNode pw = passwordChallenge("alice@example.com");
        assertEquals(400, client.idx("skip", sh(pw), "").status());
        assertEquals(400, client.identify(sh(pw), "alice@example.com", null).status());
    }

    @Test
    void requiredCustomProfileAttributesAreChecked() throws Exception {
        sim.org().addProfileAttribute(new io.oiefilter.simulator.org.Org.ProfileAttribute("costCenter", "Cost center", true));
        JsonNode identify = client.introspect(client.interact()).body();
        JsonNode form = client.idx("enroll", sh(identify), "").body();
        assertTrue(form.toString().contains("\"name\":\"costCenter\",\"type\":\"string\",\"label\":\"Cost center\",\"required\":true"),
                form.toString());
        Answer missing = client.idx("enroll/new", sh(form), "\"userProfile\":{\"firstName\":\"C\",\"lastName\":\"C\",\"email\":\"cc@example.com\"}");
        assertEquals(400, missing.status());
        assertTrue(missing.body().toString().contains("'Cost center' is required"), missing.body().toString());
        Answer ok = client.idx("enroll/new", sh(missing.body()), "\"userProfile\":{\"firstName\":\"C\",\"lastName\":\"C\",\"email\":\"cc@example.com\",\"costCenter\":\"42\"}");
        assertEquals(200, ok.status(), ok.body().toString());
    }
}
