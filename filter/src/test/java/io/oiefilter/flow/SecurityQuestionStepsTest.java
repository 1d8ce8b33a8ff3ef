package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
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

/** A security question through the real IDX port against the simulator: set up (Okta's or one's own), then answered. */
class SecurityQuestionStepsTest {
    private static final String PASSWORD = "Question-Pass-2026";

    private Simulator sim;
    private SignInFlow flow;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().enrollmentPolicy(AuthenticatorKind.SECURITY_QUESTION, Requirement.OPTIONAL);
        OieConfig config = SimulatorFixture.config(sim);
        flow = FlowPages.flow(config);
    }

    @AfterEach
    void stop() {
        flow.close();
        sim.stop();
    }


    private FlowResult.Page afterPassword(String login, SignInView expected) {
        return FlowPages.afterPassword(flow, login, PASSWORD, expected);
    }

    private static FlowResult finishOptional(SignInFlow flow, FlowResult r) {
        return r instanceof FlowResult.Page optional ? flow.skip(optional.state()) : r;
    }

    @Test
    void setUpOneOfOktasQuestionsThenAnswerIt() {
        OrgUser u = sim.org().createUser("question.okta@example.com", "question.okta@example.com", "Que", "Stion", List.of(), PASSWORD,
                UserStatus.ACTIVE, true, sim.clock().instant());
        FlowResult.Page select = afterPassword(u.login(), SignInView.SELECT);
        PageContent.Choice choice = flow.pageOf(select.state(), select.view()).choices().stream()
                .filter(c -> "security_question".equals(c.labelKey())).findFirst().orElseThrow();
        FlowResult.Page setUp = page(flow.select(select.state(), choice.authenticatorId()), SignInView.QUESTION);
        PageContent content = flow.pageOf(setUp.state(), setUp.view());
        assertTrue(content.enrolling() && content.questions().size() > 3, content.questions().toString());
        String key = content.questions().get(0).key();

        assertEquals(List.of("oie.error.chooseQuestion"),
                page(flow.answerQuestion(setUp.state(), "not-a-key", null, "Paris".toCharArray()), SignInView.QUESTION).messageKeys());
        FlowResult.Page tooShort = page(flow.answerQuestion(setUp.state(), key, null, "abc".toCharArray()), SignInView.QUESTION);
        assertEquals(Map.of("answer", List.of("The security question answer must be at least 4 characters in length")),
                FlowPages.oktaWords(tooShort), "Okta's reason next to the answer");
        assertEquals(Map.of("answer", List.of("oie.okta.answerTooShort[4]")), FlowPages.oktaKeys(tooShort),
                "in the page's language, with Okta's number (sent as a number) as its param");
        assertInstanceOf(FlowResult.SignedIn.class,
                finishOptional(flow, flow.answerQuestion(tooShort.state(), key, null, "Spinach".toCharArray())));

        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.SECURITY_QUESTION));
        FlowResult.Page ask = afterPassword(u.login(), SignInView.QUESTION);
        assertEquals(content.questions().get(0).text(), flow.pageOf(ask.state(), ask.view()).question());
        assertEquals(List.of("oie.error.answerIncorrect"),
                page(flow.answerQuestion(ask.state(), "custom", "ignored", "Broccoli".toCharArray()), SignInView.QUESTION).messageKeys(),
                "a wrong answer; the question key posted is ignored, the enrolled one is sent");
        assertInstanceOf(FlowResult.SignedIn.class, flow.answerQuestion(ask.state(), null, null, " spinach ".toCharArray()));
    }

    @Test
    void setUpAQuestionOfOnesOwn() {
        OrgUser u = sim.org().createUser("question.own@example.com", "question.own@example.com", "Own", "Question", List.of(), PASSWORD,
                UserStatus.ACTIVE, true, sim.clock().instant());
        FlowResult.Page select = afterPassword(u.login(), SignInView.SELECT);
        String id = flow.pageOf(select.state(), select.view()).choices().stream()
                .filter(c -> "security_question".equals(c.labelKey())).findFirst().orElseThrow().authenticatorId();
        FlowResult.Page setUp = page(flow.select(select.state(), id), SignInView.QUESTION);
        assertEquals(List.of("oie.error.questionRequired"),
                page(flow.answerQuestion(setUp.state(), "custom", " ", "Whiskers".toCharArray()), SignInView.QUESTION).messageKeys());
        FlowResult.Page tags = page(flow.answerQuestion(setUp.state(), "custom", "<b>Pet?</b>", "Whiskers".toCharArray()), SignInView.QUESTION);
        assertEquals(Map.of("question", List.of("The field must not contain HTML tags")), FlowPages.oktaWords(tags));
        assertEquals(Map.of("question", List.of("oie.okta.tagsNotAllowed")), FlowPages.oktaKeys(tags));
        assertInstanceOf(FlowResult.SignedIn.class, finishOptional(flow,
                flow.answerQuestion(tags.state(), "custom", "Name of my first cat?", "Whiskers".toCharArray())));
        assertEquals("Name of my first cat?", u.securityQuestion().question());
    }
}
