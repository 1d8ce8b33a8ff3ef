package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static io.oiefilter.simulator.SimulatorClient.remediationNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Self-service unlock over real HTTP, in the shapes of the Sign-In Widget's recordings
 * (src/v3/src/mocks/response/idp/idx/unlock-account/default.json, challenge/unlock-account-email.json,
 * challenge/answer/unlock-account-success.json), and the admin controls that go with it.
 */
class UnlockFlowsTest extends SimulatorTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void unlockOn() {
        sim.org().selfServiceUnlock(true);
    }

    private static String sh(JsonNode state) {
        return state.get("stateHandle").asText();
    }

    private JsonNode unlockForm() throws Exception {
        JsonNode identify = client.introspect(client.interact()).body();
        assertTrue(remediationNames(identify).contains("unlock-account"), identify.toString());
        Answer form = client.idx("unlock-account", sh(identify), "");
        assertEquals(200, form.status(), form.body().toString());
        return form.body();
    }

    private Answer chooseEmail(JsonNode form, String identifier) throws Exception {
        return client.idx("challenge", sh(form), "\"identifier\":\"" + identifier + "\",\"authenticator\":{\"id\":\""
                + SimulatorClient.optionId(form, "email") + "\",\"methodType\":\"email\"}");
    }

    private OrgUser locked(String login) {
        OrgUser u = sim.org().createUser(login, login, "Lou", "Locked", List.of(), "Locked-Pass-2026", UserStatus.ACTIVE, true,
                Instant.now());
        for (int n = 0; n < sim.org().passwordPolicy().maxAttempts(); n++) {
            u.wrongPassword(sim.org().passwordPolicy().maxAttempts(), Instant.now());
        }
        assertEquals(UserStatus.LOCKED_OUT, u.status());
        return u;
    }

    @Test
    void theFormAsksForAnIdentifierAndOffersEmail() throws Exception {
        JsonNode form = unlockForm();
        assertEquals(List.of("select-authenticator-unlock-account"), remediationNames(form));
        JsonNode r = form.at("/remediation/value/0");
        assertEquals(sim.baseUri() + "/idp/idx/challenge", r.get("href").asText());
        assertEquals("identifier", r.at("/value/0/name").asText());
        assertTrue(r.at("/value/0/required").asBoolean());
        assertEquals("authenticator", r.at("/value/1/name").asText());
        assertEquals(1, r.at("/value/1/options").size(), "email only");
        assertEquals("$.authenticatorEnrollments.value[0]", r.at("/value/1/options/0/relatesTo").asText());
        assertEquals("email", r.at("/value/1/options/0/value/form/value/1/value").asText());
        assertEquals("okta_email", form.at("/authenticators/value/0/key").asText());
        assertFalse(form.at("/authenticatorEnrollments/value/0").has("id"), "nobody identified yet: no enrollment id");
        assertFalse(form.has("user"));
        assertEquals("LOGIN", form.get("intent").asText());
    }

    @Test
    void aLockedUserUnlocksWithTheEmailedCode() throws Exception {
        OrgUser u = locked("lou.unlock@example.com");
        int before = sim.outbox().to(u.email()).size();
        Answer challenge = chooseEmail(unlockForm(), u.login());
        assertEquals(200, challenge.status(), challenge.body().toString());
        assertEquals(List.of("challenge-authenticator", "select-authenticator-authenticate"), remediationNames(challenge.body()));
        assertEquals(before + 1, sim.outbox().to(u.email()).size(), "a code was emailed");
        assertEquals("Unlock your account", sim.outbox().latest(u.email()).orElseThrow().subject());

        Answer wrong = client.answer(sh(challenge.body()), "000000".equals(client.latestCode(u.email())) ? "111111" : "000000");
        assertEquals(401, wrong.status());
        assertEquals("api.authn.error.PASSCODE_INVALID",
                wrong.body().at("/remediation/value/0/value/0/form/value/0/messages/value/0/i18n/key").asText());
        assertEquals(UserStatus.LOCKED_OUT, u.status());

        Answer done = client.answer(sh(wrong.body()), client.latestCode(u.email()));
        assertEquals(200, done.status(), done.body().toString());
        assertEquals(UserStatus.ACTIVE, u.status());
        assertFalse(done.body().has("remediation"), "terminal: " + done.body());
        JsonNode m = done.body().at("/messages/value/0");
        assertEquals("Your account is now unlocked!", m.get("message").asText());
        assertEquals("oie.selfservice.unlock_user.success.message", m.at("/i18n/key").asText());
        assertEquals("INFO", m.get("class").asText());
        assertEquals(u.id(), done.body().at("/user/value/id").asText());
        assertEquals(u.login(), done.body().at("/user/value/identifier").asText());

        // Signs in again from scratch, and the wrong-password count starts afresh.
        JsonNode password = client.identify(sh(client.introspect(client.interact()).body()), u.login(), null).body();
        for (int n = 0; n < sim.org().passwordPolicy().maxAttempts() - 1; n++) {
            password = client.answer(sh(password), "wrong-" + n).body();
        }
        assertEquals(UserStatus.ACTIVE, u.status(), "the counter was reset by the unlock");
        assertTrue(client.answer(sh(password), "Locked-Pass-2026").body().has("successWithInteractionCode"));
    }

    /** Unknown, ACTIVE and SUSPENDED identifiers get the locked user's answer, field for field; nobody gets an email. */
    @Test
    void theAnswerRevealsNothingAboutTheAccount() throws Exception {
        OrgUser lockedUser = locked("lou.same@example.com");
        JsonNode reference = shape(chooseEmail(unlockForm(), lockedUser.login()), lockedUser.login());
        int emails = sim.outbox().all().size();
        for (String other : List.of("nobody-here@example.com", "alice@example.com", "bob@example.com", "pat@example.com")) {
            Answer a = chooseEmail(unlockForm(), other);
            assertEquals(200, a.status(), other);
            assertEquals(reference, shape(a, other), other);
            Answer wrong = client.answer(sh(a.body()), "123456");
            assertEquals(401, wrong.status(), other);
            assertEquals(reference.get("remediation").size(), wrong.body().at("/remediation/value").size());
            assertEquals(200, client.idx("challenge/resend", sh(wrong.body()), "").status(), other);
        }
        assertEquals(emails, sim.outbox().all().size(), "no email to anybody who is not locked out");
        assertEquals(UserStatus.ACTIVE, sim.org().userByLogin("alice@example.com").orElseThrow().status());
        assertEquals(UserStatus.SUSPENDED, sim.org().userByLogin("bob@example.com").orElseThrow().status());
    }

    /** The body with the values that legitimately differ (handles, the typed identifier, the expiry second) blanked. */
    private static JsonNode shape(Answer a, String identifier) {
        String text = a.body().toString().replace(sh(a.body()), "SH").replace(identifier, "ID");
        try {
            JsonNode n = client.json.readTree(text);
            if (n.has("expiresAt")) { // transactions opened either side of a second's turn differ by one
                ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("expiresAt", "T");
            }
            return n;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theUnlockChallengeShowsNoAddressAndNoUserId() throws Exception {
        OrgUser u = locked("lou.mask@example.com");
        JsonNode challenge = chooseEmail(unlockForm(), u.login()).body();
        JsonNode current = challenge.at("/currentAuthenticatorEnrollment/value");
        assertEquals("email", current.get("type").asText());
        assertFalse(current.has("profile"), "no masked address, as recorded: " + current);
        assertFalse(current.has("id"));
        assertTrue(current.has("resend") && current.has("poll"));
        assertEquals(u.login(), challenge.at("/user/value/identifier").asText());
        assertFalse(challenge.at("/user/value").has("id"));
    }

    @Test
    void resendAndReselectSendANewCodeToALockedUser() throws Exception {
        OrgUser u = locked("lou.resend@example.com");
        JsonNode challenge = chooseEmail(unlockForm(), u.login()).body();
        String first = client.latestCode(u.email());
        Answer resent = client.idx("challenge/resend", sh(challenge), "");
        assertEquals(200, resent.status());
        Answer reselected = client.select("challenge", resent.body(), "email");
        assertEquals(200, reselected.status(), reselected.body().toString());
        assertEquals(List.of("challenge-authenticator", "select-authenticator-authenticate"), remediationNames(reselected.body()));
        String last = client.latestCode(u.email());
        assertEquals(3, sim.outbox().to(u.email()).size());
        if (!last.equals(first)) {
            assertEquals(401, client.answer(sh(reselected.body()), first).status(), "only the newest code works");
        }
        assertEquals(200, client.answer(sh(reselected.body()), last).status());
        assertEquals(UserStatus.ACTIVE, u.status());
    }

    @Test
    void aBlankIdentifierIsRefusedOnItsField() throws Exception {
        JsonNode form = unlockForm();
        Answer blank = chooseEmail(form, " ");
        assertEquals(400, blank.status());
        JsonNode m = blank.body().at("/remediation/value/0/value/0/messages/value/0");
        assertEquals("model.validation.field.blank", m.at("/i18n/key").asText(), blank.body().toString());
        assertEquals(List.of("select-authenticator-unlock-account"), remediationNames(blank.body()));
    }

    @Test
    void cancelLeavesTheUnlock() throws Exception {
        OrgUser u = locked("lou.cancel@example.com");
        JsonNode challenge = chooseEmail(unlockForm(), u.login()).body();
        String code = client.latestCode(u.email());
        Answer cancelled = client.idx("cancel", sh(challenge), "");
        assertEquals(List.of("identify", "select-enroll-profile", "unlock-account"), remediationNames(cancelled.body()));
        assertFalse(cancelled.body().has("user"));
        assertEquals(400, client.answer(sh(cancelled.body()), code).status());
        assertEquals(UserStatus.LOCKED_OUT, u.status());
    }

    @Test
    void offeredOnlyWhenTheOrgAllowsIt() throws Exception {
        sim.org().selfServiceUnlock(false);
        JsonNode identify = client.introspect(client.interact()).body();
        assertFalse(remediationNames(identify).contains("unlock-account"));
        assertEquals(400, client.idx("unlock-account", sh(identify), "").status());
        JsonNode password = client.identify(sh(identify), "alice@example.com", null).body();
        sim.org().selfServiceUnlock(true);
        assertEquals(400, client.idx("unlock-account", sh(password), "").status(), "only from the identify page");
    }

    @Test
    void theSeededLockedUserCanUnlock() throws Exception {
        OrgUser lee = sim.org().userByLogin("lee@example.com").orElseThrow();
        assertEquals(UserStatus.LOCKED_OUT, lee.status());
        JsonNode challenge = chooseEmail(unlockForm(), "lee@example.com").body();
        assertTrue(client.answer(sh(challenge), client.latestCode(lee.email())).body().at("/messages/value/0/i18n/key").asText()
                .endsWith("unlock_user.success.message"));
        assertEquals(UserStatus.ACTIVE, lee.status());
    }

    @Test
    void adminLocksAUserAndSwitchesUnlockOff() throws Exception {
        sim.org().createUser("to-lock@example.com", "to-lock@example.com", "To", "Lock", List.of(), "To-Lock-2026", UserStatus.ACTIVE,
                true, Instant.now());
        HttpResponse<String> locked = post("/admin/users/to-lock@example.com/lock", "POST", "");
        assertEquals(200, locked.statusCode(), locked.body());
        assertTrue(locked.body().contains("\"status\":\"LOCKED_OUT\""), locked.body());
        assertEquals(UserStatus.LOCKED_OUT, sim.org().userByLogin("to-lock@example.com").orElseThrow().status());
        assertEquals(404, post("/admin/users/nobody@example.com/lock", "POST", "").statusCode());
        assertEquals(409, post("/admin/users/pat@example.com/lock", "POST", "").statusCode(), "PROVISIONED");

        HttpResponse<String> off = post("/admin/settings", "PUT", "{\"selfServiceUnlock\":false}");
        assertEquals("{\"selfServiceUnlock\":false}", off.body());
        assertFalse(sim.org().selfServiceUnlock());
        assertEquals(400, post("/admin/settings", "PUT", "{\"selfServiceUnlock\":\"no\"}").statusCode());
        assertEquals("{\"selfServiceUnlock\":false}", http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/admin/settings"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> post(String path, String method, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
