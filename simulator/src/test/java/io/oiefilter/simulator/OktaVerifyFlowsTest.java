package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.mail.Email;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.Totp;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static io.oiefilter.simulator.SimulatorClient.remediationNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Okta Verify over real HTTP, the tests acting as the phone through the admin endpoints: enrollment by QR code, email and SMS; push (with the number challenge), rejection, resend, code. */
class OktaVerifyFlowsTest extends SimulatorTestBase {
    private static final String PASSWORD = "Verify-Pass-2026";
    private static int users;

    private static OrgApp app() {
        return sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow();
    }

    @BeforeEach
    void orgHasOktaVerify() {
        sim.org().enrollmentPolicy(AuthenticatorKind.OKTA_VERIFY, Requirement.OPTIONAL);
    }

    @AfterEach
    void resetPolicies() {
        app().secondFactors(Set.of());
        sim.org().oktaVerifyNumberChallenge(false);
        sim.org().authenticatorActive(AuthenticatorKind.OKTA_VERIFY, false);
    }

    private static OrgUser newUser() {
        String login = "ov" + (++users) + "@example.com";
        return sim.org().createUser(login, login, "Ov", "User", List.of(), PASSWORD, UserStatus.ACTIVE, true, sim.clock().instant());
    }

    private static String sh(JsonNode state) {
        return state.get("stateHandle").asText();
    }

    private static JsonNode afterPassword(OrgUser u) throws Exception {
        Answer id = client.identify(sh(client.introspect(client.interact()).body()), u.login(), null);
        Answer pw = client.answer(sh(id.body()), PASSWORD);
        assertEquals(200, pw.status(), pw.body().toString());
        return pw.body();
    }

    private static String ovId() {
        return sim.org().authenticatorId(AuthenticatorKind.OKTA_VERIFY);
    }

    private static Answer choose(String endpoint, JsonNode state, String extra) throws Exception {
        return client.idx(endpoint, sh(state), "\"authenticator\":{\"id\":\"" + ovId() + "\"" + extra + "}");
    }

    private static Answer poll(JsonNode state) throws Exception {
        return client.idx("challenge/poll", sh(state), "");
    }

    private static Answer phone(String path, String body) throws Exception {
        return client.ion(sim.baseUri() + "/admin/users/" + path, body);
    }

    private static String token(String link) {
        assertTrue(link.startsWith("oktaverify://enroll?s=") && link.contains("&t="), link);
        return link.substring(link.indexOf("&t=") + 3);
    }

    @Test
    void enrollByQrCodeThenThePollSucceedsOnceThePhoneHasEnrolled() throws Exception {
        OrgUser u = newUser();
        JsonNode select = afterPassword(u);
        assertTrue(select.toString().contains("\"okta_verify\""), select.toString());
        assertTrue(select.toString().contains("\"name\":\"channel\""), "enrolling, the option offers channels, as recorded: " + select);
        Answer enroll = choose("credential/enroll", select, "");
        assertEquals(200, enroll.status(), enroll.body().toString());
        assertEquals(List.of("enroll-poll", "select-enrollment-channel", "select-authenticator-enroll", "skip"), remediationNames(enroll.body()));
        assertEquals(4000, enroll.body().at("/remediation/value/0/refresh").asInt());
        JsonNode current = enroll.body().at("/currentAuthenticator/value");
        assertEquals("okta_verify", current.path("key").asText());
        assertEquals("qrcode", current.at("/contextualData/selectedChannel").asText());
        String link = GoogleAuthenticatorFlowsTest.decodeQr(current.at("/contextualData/qrcode/href").asText());
        assertTrue(link.contains(java.net.URLEncoder.encode(sim.baseUri(), StandardCharsets.UTF_8)), link);

        Answer waiting = poll(enroll.body());
        assertEquals(200, waiting.status());
        assertEquals("enroll-poll", remediationNames(waiting.body()).get(0), "nothing yet: the same state");
        assertEquals(409, phone(u.login() + "/okta-verify/enrollment", "{\"token\":\"not-the-link\"}").status());
        Answer phone = phone(u.login() + "/okta-verify/enrollment", "{\"token\":\"" + token(link) + "\"}");
        assertEquals(200, phone.status(), phone.body().toString());
        assertTrue(phone.body().path("enrolled").asBoolean());

        Answer done = poll(waiting.body());
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
        assertTrue(u.enrolled(AuthenticatorKind.OKTA_VERIFY));
        assertEquals(409, phone(u.login() + "/okta-verify/enrollment", "").status(), "nothing pending any more");
    }

    @Test
    void enrollByEmailLink() throws Exception {
        OrgUser u = newUser();
        Answer qr = choose("credential/enroll", afterPassword(u), "");
        Answer byEmail = choose("credential/enroll", qr.body(), ",\"channel\":\"email\"");
        assertEquals(200, byEmail.status(), byEmail.body().toString());
        assertEquals(List.of("enrollment-channel-data", "select-enrollment-channel", "select-authenticator-enroll", "skip"),
                remediationNames(byEmail.body()));
        assertEquals("email", byEmail.body().at("/remediation/value/0/value/0/name").asText());
        assertEquals("email", byEmail.body().at("/currentAuthenticator/value/contextualData/selectedChannel").asText());
        assertFalse(byEmail.body().at("/currentAuthenticator/value/contextualData").has("qrcode"));

        Answer blank = client.idx("challenge/send", sh(byEmail.body()), "\"email\":\" \"");
        assertEquals(400, blank.status());
        Answer sent = client.idx("challenge/send", sh(byEmail.body()), "\"email\":\"" + u.email() + "\"");
        assertEquals(200, sent.status(), sent.body().toString());
        assertEquals("enroll-poll", remediationNames(sent.body()).get(0));
        assertEquals(u.email(), sent.body().at("/currentAuthenticator/value/contextualData/email").asText());
        Email mail = sim.outbox().latest(u.email()).orElseThrow();
        assertTrue(mail.body().contains(mail.link()), mail.body());

        assertEquals(200, phone(u.login() + "/okta-verify/enrollment", "{\"token\":\"" + token(mail.link()) + "\"}").status());
        assertTrue(poll(sent.body()).body().has("successWithInteractionCode"));
    }

    @Test
    void enrollBySmsLink() throws Exception {
        OrgUser u = newUser();
        Answer bySms = choose("credential/enroll", afterPassword(u), ",\"channel\":\"sms\"");
        assertEquals("enrollment-channel-data", remediationNames(bySms.body()).get(0));
        assertEquals("phoneNumber", bySms.body().at("/remediation/value/0/value/0/name").asText());
        assertEquals(400, choose("credential/enroll", bySms.body(), ",\"channel\":\"pigeon\"").status());
        Answer sent = client.idx("challenge/send", sh(bySms.body()), "\"phoneNumber\":\"+15555550123\"");
        assertEquals("+15555550123", sent.body().at("/currentAuthenticator/value/contextualData/phoneNumber").asText());
        Email sms = sim.outbox().latest("+15555550123").orElseThrow();
        assertEquals(200, phone(u.login() + "/okta-verify/enrollment", "{\"token\":\"" + token(sms.link()) + "\"}").status());
        assertTrue(poll(sent.body()).body().has("successWithInteractionCode"));
    }

    private static OrgUser enrolledUser() {
        app().secondFactors(Set.of(AuthenticatorKind.OKTA_VERIFY));
        OrgUser u = newUser();
        u.oktaVerify().enroll(Totp.newSecret(), sim.clock().instant());
        return u;
    }

    @Test
    void pushWithTheNumberChallengeApprovedWithTheRightNumber() throws Exception {
        sim.org().oktaVerifyNumberChallenge(true);
        OrgUser u = enrolledUser();
        JsonNode select = afterPassword(u);
        assertEquals(List.of("select-authenticator-authenticate"), remediationNames(select));
        JsonNode methods = select.at("/remediation/value/0/value/0/options/0/value/form/value/1/options");
        assertEquals("push", methods.at("/0/value").asText());
        assertEquals("totp", methods.at("/1/value").asText());
        Answer push = choose("challenge", select, ",\"methodType\":\"push\"");
        assertEquals(List.of("challenge-poll", "select-authenticator-authenticate"), remediationNames(push.body()));
        assertEquals(4000, push.body().at("/remediation/value/0/refresh").asInt());
        JsonNode current = push.body().at("/currentAuthenticator/value");
        assertEquals("push", current.at("/methods/0/type").asText());
        assertEquals("resend", current.at("/resend/name").asText());
        int number = current.at("/contextualData/correctAnswer").asInt();
        assertTrue(number >= 10 && number <= 99, current.toString());

        Answer waiting = poll(push.body());
        assertEquals("challenge-poll", remediationNames(waiting.body()).get(0));
        Answer device = client.get(sim.baseUri() + "/admin/users/" + u.login() + "/okta-verify");
        assertEquals("PENDING", device.body().path("push").asText());
        assertTrue(device.body().path("numberChoices").toString().contains(String.valueOf(number)), device.body().toString());
        assertEquals(200, phone(u.login() + "/okta-verify/push/approve", "{\"number\":" + number + "}").status());
        assertTrue(poll(waiting.body()).body().has("successWithInteractionCode"));
        assertEquals(409, phone(u.login() + "/okta-verify/push/approve", "{\"number\":" + number + "}").status(), "no push waits");
    }

    @Test
    void aWrongNumberRejectsThePushAndResendSendsAnother() throws Exception {
        sim.org().oktaVerifyNumberChallenge(true);
        OrgUser u = enrolledUser();
        Answer push = choose("challenge", afterPassword(u), ",\"methodType\":\"push\"");
        int number = push.body().at("/currentAuthenticator/value/contextualData/correctAnswer").asInt();
        phone(u.login() + "/okta-verify/push/approve", "{\"number\":" + (number == 99 ? 10 : number + 1) + "}");
        Answer rejected = poll(push.body());
        assertEquals(200, rejected.status());
        assertEquals("api.authn.poll.error.push_rejected", rejected.body().at("/messages/value/0/i18n/key").asText());
        assertEquals(List.of("resend", "select-authenticator-authenticate"), remediationNames(rejected.body()));

        Answer again = choose("challenge", rejected.body(), ",\"methodType\":\"push\"");
        assertEquals("challenge-poll", remediationNames(again.body()).get(0), again.body().toString());
        int second = again.body().at("/currentAuthenticator/value/contextualData/correctAnswer").asInt();
        phone(u.login() + "/okta-verify/push/approve", "{\"number\":" + second + "}");
        assertTrue(poll(again.body()).body().has("successWithInteractionCode"));
    }

    @Test
    void aRejectedPushShowsOktasMessage() throws Exception {
        OrgUser u = enrolledUser();
        Answer push = choose("challenge", afterPassword(u), ",\"methodType\":\"push\"");
        assertFalse(push.body().at("/currentAuthenticator/value").has("contextualData"), "no number challenge in this org");
        assertEquals(200, phone(u.login() + "/okta-verify/push/reject", "").status());
        Answer rejected = poll(push.body());
        assertEquals("You have chosen to reject this login.", rejected.body().at("/messages/value/0/message").asText());
        assertFalse(rejected.body().has("successWithInteractionCode"));
    }

    @Test
    void theCodeInsteadOfThePush() throws Exception {
        OrgUser u = enrolledUser();
        Answer push = choose("challenge", afterPassword(u), ",\"methodType\":\"push\"");
        Answer totp = choose("challenge", push.body(), ",\"methodType\":\"totp\"");
        assertEquals(List.of("challenge-authenticator", "select-authenticator-authenticate"), remediationNames(totp.body()));
        assertEquals("totp", totp.body().at("/remediation/value/0/value/0/form/value/0/name").asText());
        assertEquals("totp", totp.body().at("/currentAuthenticator/value/methods/0/type").asText());
        String code = client.get(sim.baseUri() + "/admin/users/" + u.login() + "/okta-verify/totp").body().path("code").asText();
        String wrong = code.equals("000000") ? "111111" : "000000";
        Answer refused = client.idx("challenge/answer", sh(totp.body()), "\"credentials\":{\"totp\":\"" + wrong + "\"}");
        assertEquals(401, refused.status());
        assertEquals("api.authn.error.PASSCODE_INVALID",
                refused.body().at("/remediation/value/0/value/0/form/value/0/messages/value/0/i18n/key").asText());
        Answer done = client.idx("challenge/answer", sh(refused.body()), "\"credentials\":{\"totp\":\"" + code + "\"}");
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
    }

    @Test
    void theDefaultOrgHasNoOktaVerifyAndASeedAddsIt() {
        Org plain = Org.defaultSeed();
        assertFalse(plain.authenticatorActive(AuthenticatorKind.OKTA_VERIFY));
        assertEquals(Requirement.NOT_ALLOWED, plain.enrollmentPolicy(AuthenticatorKind.OKTA_VERIFY));
        plain.users().forEach(x -> assertFalse(x.enrolled(AuthenticatorKind.OKTA_VERIFY), x.login()));
        String seed = """
                {"authenticators": {"password": {}, "email": {}, "okta_verify": {"numberChallenge": true}},
                 "apps": [{"clientId": "c1", "redirectUris": ["http://localhost/cb"], "secondFactors": ["okta_verify"]}],
                 "users": [{"login": "vera@example.com", "password": "Vera-2026!", "oktaVerifySecret": "JBSWY3DPEHPK3PXP"}]}
                """;
        Org org = Org.fromSeed(new ByteArrayInputStream(seed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(org.authenticatorActive(AuthenticatorKind.OKTA_VERIFY));
        assertTrue(org.oktaVerifyNumberChallenge());
        assertEquals(Set.of(AuthenticatorKind.OKTA_VERIFY), org.app("c1").orElseThrow().secondFactors());
        assertEquals("JBSWY3DPEHPK3PXP", org.userByLogin("vera@example.com").orElseThrow().oktaVerify().secret());
    }
}
