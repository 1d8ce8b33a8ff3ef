package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SecurityQuestions;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.oiefilter.simulator.SimulatorClient.remediationNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security question over real HTTP: enrolling Okta's question or one's own, the refusals, right and wrong answers. */
class SecurityQuestionFlowsTest extends SimulatorTestBase {
    private static final String CREDENTIALS = "/remediation/value/0/value/0";
    private static int users;

    private static OrgApp app() {
        return sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow();
    }

    @BeforeEach
    void orgHasSecurityQuestion() {
        sim.org().enrollmentPolicy(AuthenticatorKind.SECURITY_QUESTION, Requirement.OPTIONAL);
    }

    @AfterEach
    void resetPolicies() {
        app().secondFactors(Set.of());
        sim.org().authenticatorActive(AuthenticatorKind.SECURITY_QUESTION, false);
    }

    static OrgUser newUser() {
        String login = "sq" + (++users) + "@example.com";
        return sim.org().createUser(login, login, "Se", "Q", List.of(), "Sq-Pass-2026", UserStatus.ACTIVE, true, sim.clock().instant());
    }

    private static String sh(JsonNode state) {
        return state.get("stateHandle").asText();
    }

    static JsonNode afterPassword(OrgUser u) throws Exception {
        Answer id = client.identify(sh(client.introspect(client.interact()).body()), u.login(), null);
        Answer pw = client.answer(sh(id.body()), "Sq-Pass-2026");
        assertEquals(200, pw.status(), pw.body().toString());
        return pw.body();
    }

    /** challenge/answer with these credentials (a JSON object's members). */
    static Answer credentials(JsonNode state, String members) throws Exception {
        return client.idx("challenge/answer", sh(state), "\"credentials\":{" + members + "}");
    }

    private static JsonNode enrolling(OrgUser u) throws Exception {
        Answer enroll = client.select("credential/enroll", afterPassword(u), "security_question");
        assertEquals(200, enroll.status(), enroll.body().toString());
        return enroll.body();
    }

    private static JsonNode field(JsonNode state, int option, String name) {
        for (JsonNode f : state.at(CREDENTIALS + "/options/" + option + "/value/form/value")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no " + name + " in option " + option + ": " + state);
    }

    @Test
    void enrollOneOfOktasQuestions() throws Exception {
        OrgUser u = newUser();
        JsonNode enroll = enrolling(u);
        assertEquals(List.of("enroll-authenticator", "select-authenticator-enroll", "skip"), remediationNames(enroll));
        JsonNode current = enroll.at("/currentAuthenticator/value");
        assertEquals("security_question", current.path("key").asText());
        assertEquals("security_question", current.path("type").asText());
        assertEquals(19, current.at("/contextualData/questions").size());
        assertEquals(SecurityQuestions.questionKeys().size(), current.at("/contextualData/questionKeys").size());
        assertEquals("disliked_food", current.at("/contextualData/questions/0/questionKey").asText());
        assertEquals("Choose a security question", enroll.at(CREDENTIALS + "/options/0/label").asText());
        assertEquals(19, field(enroll, 0, "questionKey").path("options").size());
        assertEquals("custom", field(enroll, 1, "questionKey").path("value").asText());
        assertTrue(field(enroll, 0, "answer").path("secret").asBoolean());

        Answer done = credentials(enroll, "\"questionKey\":\"disliked_food\",\"answer\":\"Brussels sprouts\"");
        assertEquals(200, done.status(), done.body().toString());
        assertTrue(done.body().has("successWithInteractionCode"));
        assertEquals(new OrgUser.SecurityQuestion("disliked_food", "What is the food you least liked as a child?"), u.securityQuestion());
        assertTrue(u.securityAnswerMatches("  brussels SPROUTS "), "trimmed, any case");
        assertFalse(u.securityAnswerMatches("brussels"));
    }

    @Test
    void enrollOnesOwnQuestion() throws Exception {
        OrgUser u = newUser();
        JsonNode enroll = enrolling(u);
        Answer done = credentials(enroll, "\"questionKey\":\"custom\",\"question\":\"What was my first car?\",\"answer\":\"Beetle\"");
        assertEquals(200, done.status(), done.body().toString());
        assertEquals(new OrgUser.SecurityQuestion("custom", "What was my first car?"), u.securityQuestion());
        assertTrue(u.enrolled(AuthenticatorKind.SECURITY_QUESTION));
    }

    @Test
    void refusalsAsOktaWordsThemThenAnAcceptedAnswer() throws Exception {
        OrgUser u = newUser();
        JsonNode enroll = enrolling(u);
        Answer tooShort = credentials(enroll, "\"questionKey\":\"disliked_food\",\"answer\":\" abc \"");
        assertEquals(400, tooShort.status());
        for (int option : new int[] {0, 1}) {
            JsonNode m = field(tooShort.body(), option, "answer").at("/messages/value/0");
            assertEquals("The security question answer must be at least 4 characters in length", m.path("message").asText());
            assertEquals("securityQuestion.answer.tooShort.arg", m.at("/i18n/key").asText());
            assertEquals(4, m.at("/i18n/params/0").asInt());
            assertTrue(m.at("/i18n/params/0").isNumber());
        }
        assertFalse(tooShort.body().has("messages"), "under the fields only");

        Answer tags = credentials(tooShort.body(), "\"questionKey\":\"custom\",\"question\":\"<b>First car?</b>\",\"answer\":\"Beetle\"");
        assertEquals(400, tags.status());
        JsonNode m = field(tags.body(), 1, "question").at("/messages/value/0");
        assertEquals("The field must not contain HTML tags", m.path("message").asText());
        assertEquals("tagsNotAllowed", m.at("/i18n/key").asText());
        assertFalse(field(tags.body(), 1, "answer").has("messages"));

        Answer blank = credentials(tags.body(), "\"questionKey\":\"custom\",\"question\":\"  \",\"answer\":\"Beetle\"");
        assertEquals(400, blank.status());
        assertEquals("model.validation.field.blank", field(blank.body(), 1, "question").at("/messages/value/0/i18n/key").asText());

        Answer unknown = credentials(blank.body(), "\"questionKey\":\"favorite_colour\",\"answer\":\"Blue sky\"");
        assertEquals(400, unknown.status());
        assertEquals("E0000001", unknown.body().at("/messages/value/0/i18n/key").asText());
        assertNull(u.securityQuestion(), "nothing enrolled by a refused answer");

        Answer done = credentials(unknown.body(), "\"questionKey\":\"first_award\",\"answer\":\"Spelling\"");
        assertEquals(200, done.status(), done.body().toString());
        assertEquals("first_award", u.securityQuestion().questionKey());
    }

    @Test
    void challengeWrongThenRightAnswer() throws Exception {
        app().secondFactors(Set.of(AuthenticatorKind.SECURITY_QUESTION));
        OrgUser u = newUser();
        u.enrollSecurityQuestion("favorite_vacation_location", null, "Lisbon", sim.clock().instant());
        JsonNode select = afterPassword(u);
        assertEquals(List.of("select-authenticator-authenticate"), remediationNames(select));
        Answer challenge = client.select("challenge", select, "security_question");
        assertEquals(200, challenge.status(), challenge.body().toString());
        assertEquals("challenge-authenticator", remediationNames(challenge.body()).get(0));
        JsonNode current = challenge.body().at("/currentAuthenticatorEnrollment/value");
        assertEquals("favorite_vacation_location", current.at("/contextualData/enrolledQuestion/questionKey").asText());
        assertEquals("Where did you go for your favorite vacation?", current.at("/contextualData/enrolledQuestion/question").asText());
        JsonNode questionKey = challenge.body().at(CREDENTIALS + "/form/value/0");
        assertEquals("questionKey", questionKey.path("name").asText());
        assertEquals("favorite_vacation_location", questionKey.path("value").asText());
        assertFalse(questionKey.path("visible").asBoolean(true));
        assertFalse(questionKey.path("mutable").asBoolean(true));
        assertEquals("answer", challenge.body().at(CREDENTIALS + "/form/value/1/name").asText());

        Answer wrong = credentials(challenge.body(), "\"questionKey\":\"favorite_vacation_location\",\"answer\":\"Porto\"");
        assertEquals(401, wrong.status());
        JsonNode m = wrong.body().at(CREDENTIALS + "/form/value/1/messages/value/0");
        assertEquals("api.authn.error.PASSCODE_INVALID", m.at("/i18n/key").asText());
        assertEquals("Invalid code. Try again.", m.path("message").asText());

        Answer right = credentials(wrong.body(), "\"questionKey\":\"favorite_vacation_location\",\"answer\":\" LISBON \"");
        assertEquals(200, right.status(), right.body().toString());
        assertTrue(right.body().has("successWithInteractionCode"));
    }

    @Test
    void withoutItTheAppAsksForItMakesItBeEnrolled() throws Exception {
        app().secondFactors(Set.of(AuthenticatorKind.SECURITY_QUESTION));
        OrgUser u = newUser();
        JsonNode select = afterPassword(u);
        assertEquals(List.of("select-authenticator-enroll"), remediationNames(select), "required: no skip");
        JsonNode enroll = client.select("credential/enroll", select, "security_question").body();
        Answer done = credentials(enroll, "\"questionKey\":\"favorite_toy\",\"answer\":\"Teddy\"");
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
    }

    @Test
    void anOrgWithoutItNeitherOffersNorAsksIt() throws Exception {
        sim.org().authenticatorActive(AuthenticatorKind.SECURITY_QUESTION, false);
        app().secondFactors(Set.of(AuthenticatorKind.SECURITY_QUESTION));
        OrgUser u = newUser();
        u.enrollSecurityQuestion("favorite_toy", null, "Teddy", sim.clock().instant());
        JsonNode after = afterPassword(u);
        assertFalse(after.toString().contains("security_question"), after.toString());
    }
}
