package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.mail.PhoneOutbox;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.oiefilter.flow.FlowPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phone through the real IDX port against the simulator: a number refused then set up, a code by SMS or voice, resend. */
class PhoneStepsTest {
    private static final String PASSWORD = "Phone-Pass-2026";

    private Simulator sim;
    private SignInFlow flow;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().enrollmentPolicy(AuthenticatorKind.PHONE, Requirement.OPTIONAL);
        // The filter's own cooldown off: Okta's (30 s on the simulator's clock) is what these tests meet.
        OieConfig config = SimulatorFixture.config(sim, OieConfig.RESEND_COOLDOWN, "0");
        flow = FlowPages.flow(config);
    }

    @AfterEach
    void stop() {
        flow.close();
        sim.stop();
    }

    private OrgUser user(String login) {
        return sim.org().createUser(login, login, "Pho", "Ne", List.of(), PASSWORD, UserStatus.ACTIVE, true, sim.clock().instant());
    }

    private FlowResult.Page afterPassword(String login, SignInView expected) {
        return FlowPages.afterPassword(flow, login, PASSWORD, expected);
    }

    private PhoneOutbox.PhoneMessage lastCode(OrgUser u) {
        List<PhoneOutbox.PhoneMessage> sent = sim.phoneOutbox().to(u.id());
        return sent.get(sent.size() - 1);
    }

    @Test
    void aBadNumberIsRefusedInOktasWordsThenAGoodOneIsSetUpBySms() {
        OrgUser u = user("phone.setup@example.com");
        FlowResult.Page select = afterPassword(u.login(), SignInView.SELECT);
        PageContent.Choice phone = flow.pageOf(select.state(), select.view()).choices().stream()
                .filter(c -> "phone_number".equals(c.labelKey())).findFirst().orElseThrow();

        FlowResult.Page ask = page(flow.select(select.state(), phone.authenticatorId()), SignInView.PHONE);
        PageContent asking = flow.pageOf(ask.state(), ask.view());
        assertTrue(asking.enrolling());
        assertTrue(asking.phone().asksNumber());
        assertEquals(List.of("sms", "voice"), asking.phone().methods());

        assertEquals(List.of("oie.error.phoneNumberRequired"), page(flow.sendPhoneCode(ask.state(), "sms", "  "), SignInView.PHONE).messageKeys());
        assertEquals(List.of("oie.error.choosePhoneMethod"),
                page(flow.sendPhoneCode(ask.state(), "fax", "+1 415 555 0142"), SignInView.PHONE).messageKeys());
        FlowResult.Page refused = page(flow.sendPhoneCode(ask.state(), "sms", "+1 555 01"), SignInView.PHONE);
        assertEquals(Map.of("phoneNumber", List.of("Invalid Phone Number.")), FlowPages.oktaWords(refused), "Okta's words, next to the number");
        assertEquals(Map.of("phoneNumber", List.of("oie.okta.invalidPhone")), FlowPages.oktaKeys(refused), "and in the page's language");
        assertTrue(sim.phoneOutbox().to(u.id()).isEmpty());

        FlowResult.Page code = page(flow.sendPhoneCode(refused.state(), "sms", "+1 (415) 555-0142"), SignInView.CODE);
        PageContent codePage = flow.pageOf(code.state(), code.view());
        assertEquals("sms", codePage.phone().sentBy());
        assertTrue(codePage.enrolling());
        assertEquals("+1 XXX-XXX-0142", lastCode(u).maskedNumber());
        assertEquals(List.of("oie.error.codeInvalid"), page(flow.answer(code.state(), "00000".toCharArray()), SignInView.CODE).messageKeys());
        FlowResult done = flow.answer(code.state(), lastCode(u).code().toCharArray());
        if (done instanceof FlowResult.Page optional) { // what else the policy offers stays optional
            done = flow.skip(optional.state());
        }
        assertInstanceOf(FlowResult.SignedIn.class, done);
        assertEquals("+14155550142", u.phoneNumber());
    }

    @Test
    void signInAsksTheMethodThenACodeAndResendsAfterOktasCooldown() {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.PHONE));
        OrgUser u = user("phone.verify@example.com");
        u.enrollPhone("+14155550177", sim.clock().instant());
        FlowResult.Page ask = afterPassword(u.login(), SignInView.PHONE); // the only choice is made for the person
        PageContent asking = flow.pageOf(ask.state(), ask.view());
        assertFalse(asking.phone().asksNumber());
        assertFalse(asking.enrolling());
        assertEquals("+1 XXX-XXX-0177", asking.sentTo());

        FlowResult.Page code = page(flow.sendPhoneCode(ask.state(), "voice", "+1 999 999 9999"), SignInView.CODE);
        assertEquals("voice", flow.pageOf(code.state(), code.view()).phone().sentBy());
        assertEquals("voice", lastCode(u).method());
        assertEquals("+14155550177", u.phoneNumber(), "a number posted while verifying is not Okta's business");

        FlowResult.Page tooSoon = page(flow.resend(code.state()), SignInView.CODE);
        assertEquals(List.of("oie.error.resendTooSoon"), tooSoon.messageKeys(), "Okta's rate limit: the code sent still works");
        assertEquals(1, sim.phoneOutbox().to(u.id()).size());

        sim.clock().advance(Duration.ofSeconds(31));
        FlowResult.Page resent = page(flow.resend(tooSoon.state()), SignInView.CODE);
        assertEquals(List.of("oie.info.codeResent"), resent.messageKeys());
        assertEquals(2, sim.phoneOutbox().to(u.id()).size());
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(resent.state(), lastCode(u).code().toCharArray()));
    }

    @Test
    void aPasswordIsResetWithAPhoneCodeWhereTheOrgAllowsIt() {
        sim.org().recoveryAuthenticators(List.of(AuthenticatorKind.EMAIL, AuthenticatorKind.PHONE));
        OrgUser u = user("phone.reset@example.com");
        u.enrollPhone("+14155550179", sim.clock().instant());
        FlowResult.Page password = page(flow.identify(page(flow.start(), SignInView.IDENTIFY).state(), u.login(), null), SignInView.PASSWORD);
        FlowResult.Page select = page(flow.forgotPassword(password.state()), SignInView.SELECT);
        PageContent choose = flow.pageOf(select.state(), select.view());
        assertEquals(SignInState.Purpose.RECOVERY, choose.purpose());
        assertEquals(List.of("email", "phone_number"), choose.choices().stream().map(PageContent.Choice::labelKey).toList());
        String phoneId = choose.choices().get(1).authenticatorId();
        FlowResult.Page ask = page(flow.select(select.state(), phoneId), SignInView.PHONE);
        FlowResult.Page code = page(flow.sendPhoneCode(ask.state(), "sms", null), SignInView.CODE);
        assertEquals(SignInState.Purpose.RECOVERY, flow.pageOf(code.state(), code.view()).purpose());
        FlowResult.Page reset = page(flow.answer(code.state(), lastCode(u).code().toCharArray()), SignInView.NEW_PASSWORD);
        assertInstanceOf(FlowResult.SignedIn.class, flow.newPassword(reset.state(), "Brand-New-2026".toCharArray(),
                "Brand-New-2026".toCharArray()));
        assertTrue(u.passwordMatches("Brand-New-2026"));
    }

    @Test
    void aVoiceOnlyOrgOffersOnlyVoice() {
        sim.org().phoneMethods(List.of("voice"));
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.PHONE));
        OrgUser u = user("phone.voice@example.com");
        u.enrollPhone("+14155550178", sim.clock().instant());
        FlowResult.Page ask = afterPassword(u.login(), SignInView.PHONE);
        assertEquals(List.of("voice"), flow.pageOf(ask.state(), ask.view()).phone().methods());
        assertEquals(List.of("oie.error.choosePhoneMethod"), page(flow.sendPhoneCode(ask.state(), "sms", null), SignInView.PHONE).messageKeys());
        assertNull(flow.pageOf(ask.state(), ask.view()).phone().sentBy());
    }
}
