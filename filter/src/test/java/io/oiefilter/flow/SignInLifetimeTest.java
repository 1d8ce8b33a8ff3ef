package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.token.OidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sign-in lasts as long as its tokens, renewed with the refresh token, capped by oie.signIn.maxAgeMinutes. */
class SignInLifetimeTest {
    private Simulator sim;
    private final TestClock clock = new TestClock();

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private SignInFlow flow(String... settings) {
        OieConfig config = SimulatorFixture.config(sim, settings);
        return new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout()),
                config, null, null, new io.oiefilter.activation.InMemoryAttemptStore(clock), new ResponsePacer(), null, clock);
    }

    private static OieAuthentication signIn(SignInFlow flow) {
        FlowResult.Page first = assertInstanceOf(FlowResult.Page.class, flow.start());
        FlowResult.Page password = assertInstanceOf(FlowResult.Page.class, flow.identify(first.state(), SimulatorFixture.ALICE, null));
        return assertInstanceOf(FlowResult.SignedIn.class,
                flow.answer(password.state(), SimulatorFixture.ALICE_PASSWORD.toCharArray())).authentication();
    }

    @Test
    void withoutARefreshTokenTheSignInEndsWithItsTokens() {
        SignInFlow flow = flow();
        OieAuthentication auth = signIn(flow);
        assertTrue(flow.fresh(auth));
        assertEquals(Optional.of(auth), flow.current(auth));
        clock.advance(Duration.ofMinutes(59)); // the simulator's tokens live an hour; renewal is due 30 s early
        assertTrue(flow.fresh(auth));
        clock.advance(Duration.ofSeconds(40));
        assertFalse(flow.fresh(auth));
        assertEquals(Optional.empty(), flow.current(auth));
    }

    @Test
    void withOfflineAccessTheTokensAreRenewedAndTheUserStaysTheSame() {
        SignInFlow flow = flow(OieConfig.SCOPES, "openid profile email offline_access", OieConfig.SESSION_TOKENS, "access, refresh");
        OieAuthentication auth = signIn(flow);
        clock.advance(Duration.ofMinutes(61));
        OieAuthentication renewed = flow.current(auth).orElseThrow();
        assertNotEquals(auth.tokens().accessToken(), renewed.tokens().accessToken());
        assertEquals(auth.user().getSubject(), renewed.user().getSubject());
        assertEquals(auth.authenticatedAt(), renewed.authenticatedAt(), "still the same sign-in");
        assertFalse(renewed.tokensExpireAt().isBefore(auth.tokensExpireAt()), "the renewed tokens' expiry");

        sim.org().userByLogin(SimulatorFixture.ALICE).orElseThrow().status(io.oiefilter.simulator.org.UserStatus.SUSPENDED,
                java.time.Instant.now());
        clock.advance(Duration.ofMinutes(61));
        assertEquals(Optional.empty(), flow.current(renewed), "Okta refuses to renew for a suspended user: signed out");
    }

    @Test
    void theMaximumAgeEndsEvenARenewableSignIn() {
        SignInFlow flow = flow(OieConfig.SCOPES, "openid profile email offline_access", OieConfig.SIGN_IN_MAX_AGE, "30");
        OieAuthentication auth = signIn(flow);
        clock.advance(Duration.ofMinutes(29));
        assertTrue(flow.fresh(auth));
        clock.advance(Duration.ofMinutes(2));
        assertFalse(flow.fresh(auth));
        assertEquals(Optional.empty(), flow.current(auth));
    }
}
