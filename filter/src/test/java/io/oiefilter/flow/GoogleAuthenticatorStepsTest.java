package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.Totp;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.oiefilter.flow.FlowPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Google Authenticator through the real IDX port against the simulator: set up with its secret, then a code each sign-in. */
class GoogleAuthenticatorStepsTest {
    private static final String PASSWORD = "Totp-Pass-2026";

    private Simulator sim;
    private SignInFlow flow;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP, Requirement.OPTIONAL);
        OieConfig config = SimulatorFixture.config(sim);
        flow = FlowPages.flow(config);
    }

    @AfterEach
    void stop() {
        flow.close();
        sim.stop();
    }

    private OrgUser user(String login) {
        return sim.org().createUser(login, login, "To", "Tp", List.of(), PASSWORD, UserStatus.ACTIVE, true, sim.clock().instant());
    }


    private FlowResult.Page afterPassword(String login, SignInView expected) {
        return FlowPages.afterPassword(flow, login, PASSWORD, expected);
    }

    @Test
    void setUpWithTheSharedSecretThenSignInWithACode() {
        OrgUser u = user("totp.setup@example.com");
        FlowResult.Page select = afterPassword(u.login(), SignInView.SELECT);
        PageContent choose = flow.pageOf(select.state(), select.view());
        PageContent.Choice google = choose.choices().stream().filter(c -> "google_otp".equals(c.labelKey())).findFirst().orElseThrow();
        assertTrue(choose.skippable(), "optional in this org");

        FlowResult.Page setUp = page(flow.select(select.state(), google.authenticatorId()), SignInView.OTP);
        PageContent content = flow.pageOf(setUp.state(), setUp.view());
        assertTrue(content.enrolling());
        assertNotNull(content.sharedSecret(), "the key for the QR code and manual entry");
        assertEquals(List.of("oie.error.codeInvalid"), page(flow.answer(setUp.state(), "000000".toCharArray()), SignInView.OTP).messageKeys());
        String code = Totp.code(content.sharedSecret(), sim.clock().instant());
        FlowResult done = flow.answer(setUp.state(), code.toCharArray());
        if (done instanceof FlowResult.Page optional) { // what else the policy offers stays optional
            done = flow.skip(optional.state());
        }
        assertInstanceOf(FlowResult.SignedIn.class, done);
        assertEquals(content.sharedSecret(), u.totpSecret(), "enrolled with the secret the page showed");

        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.GOOGLE_OTP));
        FlowResult.Page otp = afterPassword(u.login(), SignInView.OTP);
        PageContent challenge = flow.pageOf(otp.state(), otp.view());
        assertNull(challenge.sharedSecret(), "a code is asked for, no secret shown");
        assertEquals("google_otp", challenge.authenticatorKey());
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(otp.state(),
                Totp.code(u.totpSecret(), sim.clock().instant().plusSeconds(30)).toCharArray()));
    }
}
