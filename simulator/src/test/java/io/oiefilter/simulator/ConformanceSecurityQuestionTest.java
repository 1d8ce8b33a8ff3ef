package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.oiefilter.simulator.Fixtures.assertShape;
import static io.oiefilter.simulator.SimulatorClient.ION;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security question's states and errors against the widget's six recordings of them and okta-idx-java's
 * challenge (tolerances in Fixtures).
 */
class ConformanceSecurityQuestionTest extends SimulatorTestBase {
    private static final String WIDGET = "okta-signin-widget/playground/mocks/data/idp/idx/";
    private static final String PREDEFINED_SHORT = "\"questionKey\":\"disliked_food\",\"answer\":\"abc\"";

    @BeforeEach
    void recordedOrg() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().selfServiceRegistration(false);
        sim.org().selfServiceUnlock(false);
    }

    @AfterEach
    void reset() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of());
        sim.org().authenticatorActive(AuthenticatorKind.SECURITY_QUESTION, false);
    }

    private static OrgUser user(String login) {
        return sim.org().createUser(login, login, "Sq", "Conf", List.of(), "Sq-Conf-2026", UserStatus.ACTIVE, true, Instant.now());
    }

    private static JsonNode afterPassword(OrgUser u) throws Exception {
        Answer id = client.identify(client.introspect(client.interact()).body().get("stateHandle").asText(), u.login(), null);
        return client.answer(id.body().get("stateHandle").asText(), "Sq-Conf-2026").body();
    }

    private static Answer credentials(Answer state, String members) throws Exception {
        return SecurityQuestionFlowsTest.credentials(state.body(), members);
    }

    @Test
    void enrollmentAndItsRefusals() throws Exception {
        // As the 2021 recordings: the security question required, the only authenticator left to enroll (so no skip).
        sim.org().enrollmentPolicy(AuthenticatorKind.SECURITY_QUESTION, Requirement.REQUIRED);
        Answer enroll = client.select("credential/enroll", afterPassword(user("sq-conf-enroll@example.com")), "security_question");
        assertShape(WIDGET + "authenticator-enroll-security-question.json", enroll, 200, ION);

        assertShape(WIDGET + "error-authenticator-enroll-security-question.json", credentials(enroll, PREDEFINED_SHORT), 400, ION);
        assertShape(WIDGET + "error-authenticator-enroll-security-question-create-question.json",
                credentials(enroll, "\"questionKey\":\"custom\",\"question\":\"My first car?\",\"answer\":\"VW\""), 400, ION);
        assertShape(WIDGET + "error-authenticator-enroll-security-question-html-tags.json",
                credentials(enroll, "\"questionKey\":\"custom\",\"question\":\"<i>My first car?</i>\",\"answer\":\"Beetle\""), 400, ION);
    }

    @Test
    void optionalEnrollmentRefusedAnswer() throws Exception {
        // As the 2022 recording: optional, so skip is offered.
        sim.org().enrollmentPolicy(AuthenticatorKind.SECURITY_QUESTION, Requirement.OPTIONAL);
        Answer enroll = client.select("credential/enroll", afterPassword(user("sq-conf-limit@example.com")), "security_question");
        assertShape(WIDGET + "enroll-security-question-with-character-limit-error.json", credentials(enroll, PREDEFINED_SHORT), 400, ION);
    }

    @Test
    void challenge() throws Exception {
        // As okta-idx-java's recording: the user may verify with the email or the security question.
        sim.org().enrollmentPolicy(AuthenticatorKind.SECURITY_QUESTION, Requirement.OPTIONAL);
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.EMAIL, AuthenticatorKind.SECURITY_QUESTION));
        OrgUser u = user("sq-conf-verify@example.com");
        u.enrollSecurityQuestion("first_computer_game", null, "Pong!", Instant.now());
        Answer challenge = client.select("challenge", afterPassword(u), "security_question");
        assertShape("okta-idx-java/api/src/test/resources/challenge-security-question-response.json", challenge, 200, ION);
        assertShape(WIDGET + "authenticator-verification-security-question.json", challenge, 200, ION);
        Answer done = credentials(challenge, "\"questionKey\":\"first_computer_game\",\"answer\":\"pong!\"");
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
    }
}
