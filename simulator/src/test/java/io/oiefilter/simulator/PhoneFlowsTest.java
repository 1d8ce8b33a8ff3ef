package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.PhoneNumbers;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.oiefilter.simulator.SimulatorClient.remediationNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phone over real HTTP: enrolling a number (refused, then taken), its code by SMS or voice, the challenge, resend and its limit. */
class PhoneFlowsTest extends SimulatorTestBase {
    private static final String PASSWORD = "Phone-Pass-2026";
    private static int users;

    @BeforeEach
    void orgHasPhone() {
        sim.org().enrollmentPolicy(AuthenticatorKind.PHONE, Requirement.OPTIONAL);
    }

    @AfterEach
    void reset() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of());
        sim.org().authenticatorActive(AuthenticatorKind.PHONE, false);
        sim.org().phoneMethods(PhoneNumbers.METHODS);
        sim.org().recoveryAuthenticators(List.of(AuthenticatorKind.EMAIL));
        sim.clock().reset();
    }

    static OrgUser newUser() {
        String login = "phone" + (++users) + "@example.com";
        return sim.org().createUser(login, login, "Pho", "Ne", List.of(), PASSWORD, UserStatus.ACTIVE, true, sim.clock().instant());
    }

    private static String sh(JsonNode state) {
        return state.get("stateHandle").asText();
    }

    static JsonNode afterPassword(OrgUser u) throws Exception {
        Answer id = client.identify(sh(client.introspect(client.interact()).body()), u.login(), null);
        Answer pw = client.answer(sh(id.body()), PASSWORD);
        assertEquals(200, pw.status(), pw.body().toString());
        return pw.body();
    }

    /** The phone chosen in a select step, with these extra members of the authenticator ("" for the id alone). */
    static Answer phone(String endpoint, JsonNode state, String members) throws Exception {
        return client.idx(endpoint, sh(state), "\"authenticator\":{\"id\":\"" + sim.org().authenticatorId(AuthenticatorKind.PHONE) + "\""
                + (members.isEmpty() ? "" : "," + members) + "}");
    }

    /** The newest code the admin endpoint shows for the user, with its masked number and method. */
    static JsonNode lastCode(OrgUser u) throws Exception {
        Answer codes = client.get(sim.baseUri() + "/admin/users/" + u.login() + "/phone-codes");
        assertEquals(200, codes.status(), String.valueOf(codes.body()));
        JsonNode messages = codes.body().get("messages");
        assertTrue(messages.size() > 0, codes.body().toString());
        return messages.get(messages.size() - 1);
    }

    private static JsonNode field(JsonNode form, String name) {
        for (JsonNode f : form) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no " + name + " in " + form);
    }

    @Test
    void enrollRefusesABadNumberThenSendsACodeByTheChosenMethod() throws Exception {
        OrgUser u = newUser();
        JsonNode select = afterPassword(u);
        JsonNode phoneOption = select.at("/remediation/value/0/value/0/options");
        JsonNode option = null;
        for (JsonNode o : phoneOption) {
            if (o.path("label").asText().equals("Phone")) {
                option = o.at("/value/form/value");
            }
        }
        assertEquals(List.of("sms", "voice"), field(option, "methodType").findValuesAsText("value"));
        assertFalse(field(option, "phoneNumber").path("required").asBoolean(true));

        Answer data = phone("credential/enroll", select, "");
        assertEquals(200, data.status(), data.body().toString());
        assertEquals("authenticator-enrollment-data", remediationNames(data.body()).get(0));
        JsonNode dataFields = data.body().at("/remediation/value/0/value/0/form/value");
        assertTrue(field(dataFields, "phoneNumber").path("required").asBoolean());

        Answer refused = phone("credential/enroll", data.body(), "\"methodType\":\"sms\",\"phoneNumber\":\"+1 555 12\"");
        assertEquals(400, refused.status());
        assertEquals("Invalid Phone Number.", refused.body().at("/messages/value/0/message").asText());
        assertEquals("api.factors.error.sms.invalid_phone", refused.body().at("/messages/value/0/i18n/key").asText());
        assertEquals("authenticator-enrollment-data", remediationNames(refused.body()).get(0));
        assertEquals(0, client.get(sim.baseUri() + "/admin/users/" + u.login() + "/phone-codes").body().get("messages").size());

        Answer code = phone("credential/enroll", refused.body(), "\"methodType\":\"voice\",\"phoneNumber\":\"+1 (415) 555-0142\"");
        assertEquals(200, code.status(), code.body().toString());
        assertEquals("enroll-authenticator", remediationNames(code.body()).get(0));
        assertEquals("voice", code.body().at("/currentAuthenticator/value/methods/0/type").asText());
        assertTrue(code.body().at("/currentAuthenticator/value").has("resend"));
        JsonNode sent = lastCode(u);
        assertEquals("+1 XXX-XXX-0142", sent.get("phoneNumber").asText());
        assertEquals("voice", sent.get("method").asText());

        Answer wrong = client.answer(sh(code.body()), "000000".equals(sent.get("code").asText()) ? "111111" : "000000");
        assertEquals(401, wrong.status());
        assertFalse(u.enrolled(AuthenticatorKind.PHONE));
        Answer done = client.answer(sh(wrong.body()), sent.get("code").asText());
        assertEquals(200, done.status(), done.body().toString());
        assertEquals("+14155550142", u.phoneNumber());
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
    }

    @Test
    void theSelectOptionMayCarryNumberAndMethodAtOnce() throws Exception {
        OrgUser u = newUser();
        Answer code = phone("credential/enroll", afterPassword(u), "\"methodType\":\"sms\",\"phoneNumber\":\"+442071838750\"");
        assertEquals("enroll-authenticator", remediationNames(code.body()).get(0), code.body().toString());
        assertEquals("+XXXXXXXX8750", lastCode(u).get("phoneNumber").asText());
    }

    @Test
    void challengeAsksTheMethodThenResendsAfterTheCooldown() throws Exception {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.PHONE));
        OrgUser u = newUser();
        u.enrollPhone("+14155550199", sim.clock().instant());
        JsonNode select = afterPassword(u);
        assertEquals("select-authenticator-authenticate", remediationNames(select).get(0));
        assertEquals("+1 XXX-XXX-0199", select.at("/authenticatorEnrollments/value/0/profile/phoneNumber").asText());

        Answer choose = phone("challenge", select, "");
        assertEquals("authenticator-verification-data", remediationNames(choose.body()).get(0), choose.body().toString());
        JsonNode methods = choose.body().at("/remediation/value/0/value/0/form/value");
        assertEquals(List.of("sms", "voice"), field(methods, "methodType").findValuesAsText("value"));

        Answer challenge = phone("challenge", choose.body(), "\"methodType\":\"sms\"");
        assertEquals("challenge-authenticator", remediationNames(challenge.body()).get(0), challenge.body().toString());
        assertEquals("+1 XXX-XXX-0199", challenge.body().at("/currentAuthenticatorEnrollment/value/profile/phoneNumber").asText());
        String first = lastCode(u).get("code").asText();

        Answer tooSoon = client.idx("challenge/resend", sh(challenge.body()), "");
        assertEquals(429, tooSoon.status());
        assertEquals("errors.E0000150", tooSoon.body().at("/messages/value/0/i18n/key").asText());
        assertEquals(1, client.get(sim.baseUri() + "/admin/users/" + u.login() + "/phone-codes").body().get("messages").size());

        sim.clock().advance(Duration.ofSeconds(31));
        Answer resent = client.idx("challenge/resend", sh(challenge.body()), "");
        assertEquals(200, resent.status(), resent.body().toString());
        JsonNode second = lastCode(u);
        assertEquals("sms", second.get("method").asText());
        assertEquals(2, client.get(sim.baseUri() + "/admin/users/" + u.login() + "/phone-codes").body().get("messages").size());

        if (!first.equals(second.get("code").asText())) {
            assertEquals(401, client.answer(sh(resent.body()), first).status(), "the first code is replaced by the new one");
        }
        Answer done = client.answer(sh(resent.body()), second.get("code").asText());
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
    }

    @Test
    void aVoiceOnlyOrgOffersVoiceAndRefusesSms() throws Exception {
        sim.org().phoneMethods(List.of("voice"));
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.PHONE));
        OrgUser u = newUser();
        u.enrollPhone("+14155550100", sim.clock().instant());
        Answer choose = phone("challenge", afterPassword(u), "");
        JsonNode methods = choose.body().at("/remediation/value/0/value/0/form/value");
        assertEquals(List.of("voice"), field(methods, "methodType").findValuesAsText("value"));
        Answer sms = phone("challenge", choose.body(), "\"methodType\":\"sms\"");
        assertEquals(400, sms.status());
        assertEquals("authenticator-verification-data", remediationNames(sms.body()).get(0));
        Answer voice = phone("challenge", sms.body(), "\"methodType\":\"voice\"");
        assertEquals("challenge-authenticator", remediationNames(voice.body()).get(0));
        assertEquals("voice", lastCode(u).get("method").asText());
    }

    @Test
    void aPasswordResetMayStartWithThePhoneWhereTheOrgAllowsIt() throws Exception {
        OrgUser u = newUser();
        u.enrollPhone("+14155550166", sim.clock().instant());
        JsonNode identify = client.introspect(client.interact()).body();
        JsonNode recover = client.idx("recover", sh(identify), "").body();
        JsonNode emailOnly = client.identify(sh(recover), u.login(), null).body();
        assertEquals(1, emailOnly.at("/remediation/value/0/value/0/options").size(), "email alone by default: " + emailOnly);

        sim.org().recoveryAuthenticators(List.of(AuthenticatorKind.EMAIL, AuthenticatorKind.PHONE));
        JsonNode select = client.identify(sh(client.idx("recover", sh(client.introspect(client.interact()).body()), "").body()),
                u.login(), null).body();
        assertEquals("select-authenticator-authenticate", remediationNames(select).get(0), select.toString());
        assertEquals(List.of("Email", "Phone"), select.at("/remediation/value/0/value/0/options").findValuesAsText("label"));
        Answer choose = phone("challenge", select, "\"methodType\":\"sms\"");
        assertEquals("challenge-authenticator", remediationNames(choose.body()).get(0), choose.body().toString());
        Answer reset = client.answer(sh(choose.body()), lastCode(u).get("code").asText());
        assertEquals("reset-authenticator", remediationNames(reset.body()).get(0), "the phone alone is enough: " + reset.body());
    }

    @Test
    void aCodeIsNotAskedBeforeTheMethodIsChosen() throws Exception {
        OrgUser u = newUser();
        Answer data = phone("credential/enroll", afterPassword(u), "");
        assertEquals(400, client.answer(sh(data.body()), "123456").status());
        assertEquals(404, client.get(sim.baseUri() + "/admin/users/nobody@example.com/phone-codes").status());
    }

    @Test
    void seedAndDefaults() throws Exception {
        Org standard = Org.defaultSeed();
        assertFalse(standard.authenticatorActive(AuthenticatorKind.PHONE));
        assertEquals(Requirement.NOT_ALLOWED, standard.enrollmentPolicy(AuthenticatorKind.PHONE));
        standard.users().forEach(x -> assertNull(x.phoneNumber(), x.login()));

        String seed = "{\"authenticators\":{\"phone_number\":{\"methods\":[\"sms\"]}},\"enrollmentPolicy\":{\"phone_number\":\"REQUIRED\"},"
                + "\"users\":[{\"login\":\"p@example.com\",\"password\":\"x\",\"phoneNumber\":\"+1 415 555 0123\"}]}";
        Org org = Org.fromSeed(new ByteArrayInputStream(seed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(org.authenticatorActive(AuthenticatorKind.PHONE));
        assertEquals(List.of("sms"), org.phoneMethods());
        assertEquals(Requirement.REQUIRED, org.enrollmentPolicy(AuthenticatorKind.PHONE));
        assertEquals("+14155550123", org.userByLogin("p@example.com").orElseThrow().phoneNumber());
        Org recovering = Org.fromSeed(new ByteArrayInputStream(
                "{\"authenticators\":{\"password\":{\"recoveryAuthenticators\":[\"okta_email\",\"phone_number\"]}}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(AuthenticatorKind.EMAIL, AuthenticatorKind.PHONE), recovering.recoveryAuthenticators());
        assertEquals(List.of(AuthenticatorKind.EMAIL), standard.recoveryAuthenticators());
        assertThrows(RuntimeException.class, () -> Org.fromSeed(new ByteArrayInputStream(
                "{\"authenticators\":{\"phone_number\":{\"methods\":[\"fax\"]}}}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void numbersAsOktaTakesThem() {
        assertEquals("+14155550123", PhoneNumbers.normalize(" +1 (415) 555-0123 "));
        assertNull(PhoneNumbers.normalize("4155550123"), "without a country code");
        assertNull(PhoneNumbers.normalize("+1 055 555 0123"), "area code starting with 0");
        assertNull(PhoneNumbers.normalize("+1 415 555 01234"), "11 digits after +1");
        assertNull(PhoneNumbers.normalize("+33 1"), "too short");
        assertEquals("+1 XXX-XXX-0123", PhoneNumbers.mask("+14155550123"));
    }
}
