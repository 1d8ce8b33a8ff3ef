package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.oiefilter.SimulatorFixture.ALICE;
import static io.oiefilter.SimulatorFixture.ALICE_PASSWORD;
import static io.oiefilter.flow.FlowPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person does on their own, against the simulator over HTTP: unlock an account, go back from
 * sign-up to sign-in, keep signed in, and read where a code went and what a page is for.
 */
class SelfServiceStepsTest {
    private Simulator sim;
    private SignInFlow flow;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        flow = flow(SimulatorFixture.config(sim, OieConfig.SIGN_UP_EMAIL_DOMAINS, "example.com"));
    }

    private SignInFlow flow(OieConfig config) {
        return FlowPages.flow(config);
    }

    @AfterEach
    void stop() {
        flow.close();
        sim.stop();
    }


    @Test
    void aLockedOutAccountIsUnlockedWithAnEmailCode() {
        String login = "locked.flow@example.com";
        sim.org().createUser(login, login, "Lo", "Cked", List.of(), "Unlock-Me-2026", UserStatus.LOCKED_OUT, true, Instant.now());
        FlowResult.Page form = page(flow.unlock(page(flow.start(), SignInView.IDENTIFY).state()), SignInView.UNLOCK);
        assertEquals(SignInState.Purpose.UNLOCK, form.state().purpose());
        String email = flow.pageOf(form.state(), form.view()).choices().get(0).authenticatorId();

        assertEquals(List.of("oie.error.identifierRequired"), page(flow.unlockAccount(form.state(), " ", email), SignInView.UNLOCK).messageKeys());
        assertEquals(List.of("oie.error.chooseAuthenticator"),
                page(flow.unlockAccount(form.state(), login, "not-offered"), SignInView.UNLOCK).messageKeys());
        FlowResult.Page code = page(flow.unlockAccount(form.state(), login, email), SignInView.CODE);
        assertEquals(SignInState.Purpose.UNLOCK, code.state().purpose(), "the code page knows it is an unlock");
        assertEquals(List.of("oie.error.codeInvalid"), page(flow.answer(code.state(), "000000".toCharArray()), SignInView.CODE).messageKeys());

        FlowResult.Page done = page(flow.answer(code.state(), sim.outbox().latest(login).orElseThrow().code().toCharArray()),
                SignInView.TERMINAL);
        assertTrue(done.state().transaction().step().messages().get(0).text().contains("unlocked"), "Okta's own words are shown");
        OktaText shown = flow.pageOf(done.state(), SignInView.TERMINAL).oktaMessages().get(0);
        assertEquals("oie.okta.unlockSuccess", shown.getMessageKey(), "Okta's i18n key is known: the page says it in the person's language");
        assertEquals(UserStatus.ACTIVE, sim.org().userByLogin(login).orElseThrow().status());
        FlowResult.Page signIn = page(flow.restart(done.state()), SignInView.IDENTIFY);
        FlowResult.Page password = page(flow.identify(signIn.state(), login, null), SignInView.PASSWORD);
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(password.state(), "Unlock-Me-2026".toCharArray()));
    }

    @Test
    void unlockingAnAccountThatIsNotLockedIsTheSamePageAndSendsNothing() {
        FlowResult.Page a = page(flow.unlock(page(flow.start(), SignInView.IDENTIFY).state()), SignInView.UNLOCK);
        String email = flow.pageOf(a.state(), a.view()).choices().get(0).authenticatorId();
        FlowResult.Page active = page(flow.unlockAccount(a.state(), ALICE, email), SignInView.CODE);
        FlowResult.Page b = page(flow.unlock(page(flow.start(), SignInView.IDENTIFY).state()), SignInView.UNLOCK);
        FlowResult.Page nobody = page(flow.unlockAccount(b.state(), "nobody@example.com", email), SignInView.CODE);
        assertEquals(active.messageKeys(), nobody.messageKeys());
        assertEquals(active.state().transaction().step().remediationNames(), nobody.state().transaction().step().remediationNames());
        assertNull(active.state().transaction().step().current().sentTo(), "no address shown: it would tell that the account exists");
        assertTrue(sim.outbox().to(ALICE).isEmpty() && sim.outbox().to("nobody@example.com").isEmpty());
    }

    @Test
    void iAlreadyHaveAnAccountUsesSelectIdentifyInTheSameTransaction() {
        FlowResult.Page signUp = page(flow.signUp(page(flow.start(), SignInView.IDENTIFY).state()), SignInView.SIGN_UP);
        assertEquals(SignInState.Purpose.SIGN_UP, signUp.state().purpose());
        String handle = signUp.state().transaction().interactionHandle();
        FlowResult.Page back = page(flow.identifyInstead(signUp.state()), SignInView.IDENTIFY);
        assertEquals(handle, back.state().transaction().interactionHandle(), "the same Okta transaction");
        assertEquals(SignInState.Purpose.SIGN_IN, back.state().purpose());
        assertEquals(1, sim.requestLog().countOf("identify/select"));

        // From a form Okta refused, too; and the way back does not lead into sign-up again.
        FlowResult.Page again = page(flow.signUp(back.state()), SignInView.SIGN_UP);
        FlowResult.Page taken = page(flow.register(again.state(), Map.of("firstName", "Al", "lastName", "Ready", "email", ALICE)),
                SignInView.SIGN_UP);
        assertEquals(Map.of("email", List.of("A user with this Email already exists")), FlowPages.oktaWords(taken));
        FlowResult.Page out = page(flow.identifyInstead(taken.state()), SignInView.IDENTIFY);
        FlowResult.Page password = page(flow.identify(out.state(), ALICE, null), SignInView.PASSWORD);
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(password.state(), ALICE_PASSWORD.toCharArray()));
    }

    @Test
    void signUpIsRefusedOutsideTheConfiguredDomainsBeforeOktaIsAsked() {
        FlowResult.Page form = page(flow.signUp(page(flow.start(), SignInView.IDENTIFY).state()), SignInView.SIGN_UP);
        int enrolls = sim.requestLog().countOf("enroll/new");
        FlowResult.Page refused = page(flow.register(form.state(), Map.of("firstName", "Omar", "lastName", "Out",
                "email", "omar@acme.test")), SignInView.SIGN_UP);
        assertEquals(List.of("oie.error.signUpDomain"), refused.messageKeys());
        assertEquals(enrolls, sim.requestLog().countOf("enroll/new"), "Okta was not asked");
        assertTrue(sim.org().userByLogin("omar@acme.test").isEmpty(), "no half-made account outside the domain");
    }

    @Test
    void keepMeSignedInReachesOkta() {
        FlowResult.Page password = page(flow.identify(page(flow.start(), SignInView.IDENTIFY).state(), ALICE, null, true,
                SignInFlow.Client.UNKNOWN), SignInView.PASSWORD);
        assertTrue(sim.interactions().all().stream().anyMatch(i -> Boolean.TRUE.equals(i.rememberMe())));
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(password.state(), ALICE_PASSWORD.toCharArray()));
    }

    @Test
    void aCodePageSaysWhereTheCodeWentAndWhatItIsFor() {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().requireEmailCode(true);
        FlowResult.Page password = page(flow.identify(page(flow.start(), SignInView.IDENTIFY).state(), ALICE, null), SignInView.PASSWORD);
        FlowResult.Page code = page(flow.answer(password.state(), ALICE_PASSWORD.toCharArray()), SignInView.CODE);
        assertEquals("a***e@example.com", code.state().transaction().step().current().sentTo());
        assertEquals(SignInState.Purpose.SIGN_IN, code.state().purpose());

        FlowResult.Page recovery = page(flow.forgotPassword(page(flow.identify(page(flow.start(), SignInView.IDENTIFY).state(), ALICE, null),
                SignInView.PASSWORD).state()), SignInView.CODE);
        assertEquals(SignInState.Purpose.RECOVERY, recovery.state().purpose(), "the code page of a reset says it is one");
    }
}
