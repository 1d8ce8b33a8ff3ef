package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.Totp;
import io.oiefilter.simulator.org.UserStatus;
import io.oiefilter.token.OidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static io.oiefilter.flow.FlowPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Okta Verify through the real IDX port against the simulator, the test acting as the phone: set up by QR code or a
 * link by email; a push (with the number challenge) approved, rejected and sent again; the code instead. The flow's
 * clock is the test's, so "Okta's refresh interval has passed" needs no waiting.
 */
class OktaVerifyStepsTest {
    private static final String PASSWORD = "Verify-Pass-2026";

    /** A clock the test moves on. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override
        public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override
        public Instant instant() { return now; }
        void pass(Duration d) { now = now.plus(d); }
    }

    private Simulator sim;
    private SignInFlow flow;
    private final TestClock clock = new TestClock();

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().enrollmentPolicy(AuthenticatorKind.OKTA_VERIFY, Requirement.OPTIONAL);
        OieConfig config = SimulatorFixture.config(sim);
        flow = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout()), config,
                null, null, new InMemoryAttemptStore(clock), new ResponsePacer(), null, clock);
    }

    @AfterEach
    void stop() {
        flow.close();
        sim.stop();
    }

    private OrgUser user(String login) {
        return sim.org().createUser(login, login, "Ov", "User", List.of(), PASSWORD, UserStatus.ACTIVE, true, sim.clock().instant());
    }

    private FlowResult.Page afterPassword(String login, SignInView expected) {
        return FlowPages.afterPassword(flow, login, PASSWORD, expected);
    }

    private OktaVerifyPage verify(FlowResult.Page p) {
        PageContent content = flow.pageOf(p.state(), p.view());
        assertNotNull(content.oktaVerify(), content.toString());
        return content.oktaVerify();
    }

    private int polls() {
        return sim.requestLog().countOf("challenge/poll");
    }

    private static String token(String link) {
        return link.substring(link.indexOf("&t=") + 3);
    }

    @Test
    void setUpByQrCodeThePollWaitingOktasRefresh() {
        OrgUser u = user("ov.qr@example.com");
        FlowResult.Page select = afterPassword(u.login(), SignInView.SELECT);
        PageContent.Choice ov = flow.pageOf(select.state(), select.view()).choices().stream()
                .filter(c -> "okta_verify".equals(c.labelKey())).findFirst().orElseThrow();
        FlowResult.Page scan = page(flow.select(select.state(), ov.authenticatorId()), SignInView.OKTA_VERIFY);
        OktaVerifyPage qr = verify(scan);
        assertEquals(OktaVerifyPage.Stage.SCAN, qr.stage());
        assertTrue(qr.enrollLink().startsWith("oktaverify://enroll?"), "read back from Okta's QR image: " + qr.enrollLink());
        assertEquals(4000, qr.refreshMillis());
        assertTrue(qr.polling());

        int before = polls();
        FlowResult.Page early = page(flow.pollOktaVerify(scan.state()), SignInView.OKTA_VERIFY);
        assertEquals(before, polls(), "a poll before Okta's refresh interval does not reach Okta");
        clock.pass(Duration.ofMillis(4000));
        FlowResult.Page waiting = page(flow.pollOktaVerify(early.state()), SignInView.OKTA_VERIFY);
        assertEquals(before + 1, polls());
        assertEquals(OktaVerifyPage.Stage.SCAN, verify(waiting).stage(), "the phone has not enrolled yet");

        assertTrue(u.oktaVerify().completeEnrollment(token(qr.enrollLink()), sim.clock().instant()), "the phone scanned the link");
        assertEquals(before + 1, polls());
        page(flow.pollOktaVerify(waiting.state()), SignInView.OKTA_VERIFY); // still too soon after the last answer
        assertEquals(before + 1, polls());
        clock.pass(Duration.ofMillis(4000));
        FlowResult done = flow.pollOktaVerify(waiting.state());
        if (done instanceof FlowResult.Page optional && optional.view() == SignInView.SELECT) { // the email stays optional
            done = flow.skip(optional.state());
        }
        assertInstanceOf(FlowResult.SignedIn.class, done);
        assertTrue(u.enrolled(AuthenticatorKind.OKTA_VERIFY));
    }

    @Test
    void setUpByALinkByEmail() {
        OrgUser u = user("ov.email@example.com");
        FlowResult.Page select = afterPassword(u.login(), SignInView.SELECT);
        String id = flow.pageOf(select.state(), select.view()).choices().stream().filter(c -> "okta_verify".equals(c.labelKey()))
                .findFirst().orElseThrow().authenticatorId();
        FlowResult.Page scan = page(flow.select(select.state(), id), SignInView.OKTA_VERIFY);
        FlowResult.Page ask = page(flow.oktaVerifyChannel(scan.state(), "email", null), SignInView.OKTA_VERIFY);
        assertEquals(OktaVerifyPage.Stage.ASK_ADDRESS, verify(ask).stage());
        assertEquals("email", verify(ask).channel());
        assertEquals(List.of("oie.error.stepRefused"), page(flow.oktaVerifyChannel(ask.state(), "pigeon", null), SignInView.OKTA_VERIFY).messageKeys());
        assertEquals(List.of("oie.error.verifyAddressRequired"), page(flow.oktaVerifyChannel(ask.state(), "email", " "),
                SignInView.OKTA_VERIFY).messageKeys());
        FlowResult.Page sent = page(flow.oktaVerifyChannel(ask.state(), "email", u.email()), SignInView.OKTA_VERIFY);
        assertEquals(OktaVerifyPage.Stage.LINK_SENT, verify(sent).stage());
        assertEquals(u.email(), verify(sent).linkSentTo());
        String link = sim.outbox().latest(u.email()).orElseThrow().link();
        assertTrue(u.oktaVerify().completeEnrollment(token(link), sim.clock().instant()));
        clock.pass(Duration.ofSeconds(5));
        FlowResult done = flow.pollOktaVerify(sent.state());
        if (done instanceof FlowResult.Page optional && optional.view() == SignInView.SELECT) {
            done = flow.skip(optional.state());
        }
        assertInstanceOf(FlowResult.SignedIn.class, done);
    }

    private OrgUser enrolled(String login) {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.OKTA_VERIFY));
        OrgUser u = user(login);
        u.oktaVerify().enroll(Totp.newSecret(), sim.clock().instant());
        return u;
    }

    @Test
    void passwordThenAPushWithTheNumberChallenge() {
        sim.org().oktaVerifyNumberChallenge(true);
        OrgUser u = enrolled("ov.push@example.com");
        FlowResult.Page push = afterPassword(u.login(), SignInView.OKTA_VERIFY); // the one second factor: chosen at once
        OktaVerifyPage waiting = verify(push);
        assertEquals(OktaVerifyPage.Stage.PUSH, waiting.stage());
        assertEquals(u.oktaVerify().correctAnswer(), waiting.number(), "the number the phone asks for");
        assertTrue(u.oktaVerify().approve(waiting.number()));
        clock.pass(Duration.ofMillis(waiting.refreshMillis()));
        assertInstanceOf(FlowResult.SignedIn.class, flow.pollOktaVerify(push.state()));
    }

    @Test
    void aRejectedPushShowsOktasWordsAndAnotherCanBeSent() {
        OrgUser u = enrolled("ov.reject@example.com");
        FlowResult.Page push = afterPassword(u.login(), SignInView.OKTA_VERIFY);
        assertNull(verify(push).number(), "no number challenge in this org");
        assertTrue(u.oktaVerify().reject());
        clock.pass(Duration.ofSeconds(4));
        FlowResult.Page rejected = page(flow.pollOktaVerify(push.state()), SignInView.OKTA_VERIFY);
        assertEquals(OktaVerifyPage.Stage.PUSH_REJECTED, verify(rejected).stage());
        assertEquals("You have chosen to reject this login.", verify(rejected).oktaMessage());
        assertTrue(!verify(rejected).polling(), "nothing to wait for");

        FlowResult.Page again = page(flow.oktaVerifyMethod(rejected.state(), "push"), SignInView.OKTA_VERIFY);
        assertEquals(OktaVerifyPage.Stage.PUSH, verify(again).stage());
        assertTrue(u.oktaVerify().approve(null));
        clock.pass(Duration.ofSeconds(4));
        assertInstanceOf(FlowResult.SignedIn.class, flow.pollOktaVerify(again.state()));
    }

    @Test
    void oktaVerifyByFastPassAloneIsNotOffered() {
        assertTrue(!AuthenticatorViews.supports(new io.oiefilter.idx.IdxOption("aut1", null, "", "okta_verify", List.of("signed_nonce"))));
        assertTrue(AuthenticatorViews.supports(new io.oiefilter.idx.IdxOption("aut1", null, "", "okta_verify", List.of("signed_nonce", "push"))));
    }

    @Test
    void theCodeChosenOnTheSelectPage() {
        OrgUser u = enrolled("ov.select@example.com");
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.OKTA_VERIFY, AuthenticatorKind.EMAIL));
        FlowResult.Page select = afterPassword(u.login(), SignInView.SELECT);
        List<PageContent.Choice> choices = flow.pageOf(select.state(), select.view()).choices();
        assertEquals(List.of("email", "okta_verify.push", "okta_verify.totp"), choices.stream().map(PageContent.Choice::labelKey).toList());
        assertEquals(List.of("oie.error.chooseAuthenticator"), page(flow.select(select.state(), choices.get(1).authenticatorId() + ":signed_nonce"),
                SignInView.SELECT).messageKeys(), "only what Okta offers");
        FlowResult.Page code = page(flow.select(select.state(), choices.get(2).value()), SignInView.OKTA_VERIFY);
        assertEquals(OktaVerifyPage.Stage.CODE, verify(code).stage());
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(code.state(), Totp.code(u.oktaVerify().secret(), sim.clock().instant()).toCharArray()));
    }

    @Test
    void theCodeInsteadOfThePush() {
        OrgUser u = enrolled("ov.code@example.com");
        FlowResult.Page push = afterPassword(u.login(), SignInView.OKTA_VERIFY);
        FlowResult.Page code = page(flow.oktaVerifyMethod(push.state(), "totp"), SignInView.OKTA_VERIFY);
        assertEquals(OktaVerifyPage.Stage.CODE, verify(code).stage());
        String right = Totp.code(u.oktaVerify().secret(), sim.clock().instant());
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertEquals(List.of("oie.error.codeInvalid"), page(flow.answer(code.state(), wrong.toCharArray()), SignInView.OKTA_VERIFY).messageKeys());
        assertEquals(List.of("oie.error.codeRequired"), page(flow.answer(code.state(), new char[0]), SignInView.OKTA_VERIFY).messageKeys());
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(code.state(), right.toCharArray()));
    }

    @Test
    void aPasswordIsResetWithAnOktaVerifyPushWhereTheOrgAllowsIt() {
        sim.org().recoveryAuthenticators(List.of(AuthenticatorKind.EMAIL, AuthenticatorKind.OKTA_VERIFY));
        OrgUser u = enrolled("ov.reset@example.com");
        FlowResult.Page password = page(flow.identify(page(flow.start(), SignInView.IDENTIFY).state(), u.login(), null), SignInView.PASSWORD);
        FlowResult.Page select = page(flow.forgotPassword(password.state()), SignInView.SELECT);
        PageContent choose = flow.pageOf(select.state(), select.view());
        assertEquals(SignInState.Purpose.RECOVERY, choose.purpose());
        assertEquals(List.of("email", "okta_verify.push", "okta_verify.totp"), choose.choices().stream().map(PageContent.Choice::labelKey).toList());
        FlowResult.Page push = page(flow.select(select.state(), choose.choices().get(1).value()), SignInView.OKTA_VERIFY);
        assertEquals(SignInState.Purpose.RECOVERY, flow.pageOf(push.state(), push.view()).purpose());
        assertTrue(u.oktaVerify().approve(null));
        clock.pass(Duration.ofSeconds(4));
        FlowResult.Page reset = page(flow.pollOktaVerify(push.state()), SignInView.NEW_PASSWORD);
        assertInstanceOf(FlowResult.SignedIn.class, flow.newPassword(reset.state(), "Brand-New-2026".toCharArray(),
                "Brand-New-2026".toCharArray()));
        assertTrue(u.passwordMatches("Brand-New-2026"));
    }

    /** Parallel polls read the same session: only one of them per Okta interval reaches Okta. */
    @Test
    void parallelPollsReachOktaOncePerInterval() throws Exception {
        OrgUser u = enrolled("ov.parallel@example.com");
        FlowResult.Page push = afterPassword(u.login(), SignInView.OKTA_VERIFY);
        clock.pass(Duration.ofSeconds(4));
        int before = polls();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<FlowResult>> all = new java.util.ArrayList<>();
            for (int n = 0; n < 8; n++) {
                all.add(pool.submit(() -> flow.pollOktaVerify(push.state())));
            }
            for (java.util.concurrent.Future<FlowResult> f : all) {
                page(f.get(), SignInView.OKTA_VERIFY);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, polls(), "one poll per interval, however many ask at once");
    }

    /** Another push at most once per resend cooldown (push fatigue), however often it is asked for. */
    @Test
    void anotherPushAtMostOncePerCooldown() {
        OrgUser u = enrolled("ov.fatigue@example.com");
        FlowResult.Page push = afterPassword(u.login(), SignInView.OKTA_VERIFY);
        FlowResult.Page again = page(flow.oktaVerifyMethod(push.state(), "push"), SignInView.OKTA_VERIFY);
        assertEquals(List.of(), again.messageKeys());
        assertEquals(List.of("oie.error.resendTooSoon"), page(flow.oktaVerifyMethod(again.state(), "push"), SignInView.OKTA_VERIFY)
                .messageKeys());
        assertEquals(OktaVerifyPage.Stage.CODE, verify(page(flow.oktaVerifyMethod(again.state(), "totp"), SignInView.OKTA_VERIFY)).stage(),
                "the code instead is not a push: never held back");
        clock.pass(Duration.ofSeconds(31));
        assertEquals(List.of(), page(flow.oktaVerifyMethod(again.state(), "push"), SignInView.OKTA_VERIFY).messageKeys());
    }
}
