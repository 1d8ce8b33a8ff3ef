package io.oiefilter.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.FlowResult;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignInState;
import io.oiefilter.flow.SignInView;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.log.CapturedLog;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.UserStatus;
import io.oiefilter.token.OidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail of real sign-ins: the flow against the simulator over HTTP, each step's result given to
 * {@link FlowAudit} as the web layer gives it, the events heard by a listener, counted in Micrometer, and log.lines().
 */
class FlowAuditTest {
    private static final String CLIENT = "203.0.113.9";

    private Simulator sim;
    private SignInFlow flow;
    private FlowAudit audit;
    private final List<AuditEvent> heard = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private CapturedLog log;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        OieConfig config = SimulatorFixture.config(sim);
        OieMetrics metrics = new MicrometerMetrics(registry);
        AuditListener failing = e -> {
            throw new IllegalStateException("a listener's own bug");
        };
        AuditTrail trail = new AuditTrail(List.of(heard::add, failing), metrics, Clock.systemUTC());
        audit = new FlowAudit(trail);
        flow = new SignInFlow(new OktaIdxPort(config, metrics), new OidcProvider(config.issuer(), config.clientId(),
                config.httpTimeout()), config);
        log = CapturedLog.of(AuditTrail.class.getName());
    }

    @AfterEach
    void stop() {
        log.close();
        flow.close();
        sim.stop();
    }

    /** One step as the web layer takes it: the state before, the result, told to the audit. */
    private FlowResult step(SignInState before, Function<SignInState, FlowResult> action) {
        FlowResult result = action.apply(before);
        audit.step(before, result, CLIENT);
        return result;
    }

    private static SignInState state(FlowResult r, SignInView view) {
        FlowResult.Page p = assertInstanceOf(FlowResult.Page.class, r, r.toString());
        assertEquals(view, p.view(), p.messageKeys().toString());
        return p.state();
    }

    private List<String> heardTypes() {
        return heard.stream().map(e -> e.type() + (e.reason() == null ? "" : "(" + e.reason() + ")")).toList();
    }

    @Test
    void aWrongPasswordThenTheRightOneIsAFailureThenASuccessCountedAndLogged() {
        SignInState identify = state(flow.start(), SignInView.IDENTIFY);
        SignInState password = state(step(identify, s -> flow.identify(s, SimulatorFixture.ALICE, null)), SignInView.PASSWORD);
        state(step(password, s -> flow.answer(s, "Wrong-Password-1".toCharArray())), SignInView.PASSWORD);
        assertInstanceOf(FlowResult.SignedIn.class, step(password, s -> flow.answer(s, SimulatorFixture.ALICE_PASSWORD.toCharArray())));

        assertEquals(List.of("SIGN_IN_FAILED(oie.error.passwordIncorrect)", "SIGN_IN_SUCCEEDED"), heardTypes());
        assertEquals(SimulatorFixture.ALICE, heard.get(1).subject());
        assertEquals(CLIENT, heard.get(1).clientAddress());
        assertEquals(1.0, registry.get("oie.events").tags("type", "sign_in_failed", "reason", "oie.error.passwordIncorrect")
                .counter().count());
        assertEquals(1.0, registry.get("oie.events").tags("type", "sign_in_succeeded").counter().count());
        assertEquals(1, registry.get("oie.okta.calls").tags("endpoint", "challenge-authenticator", "outcome", "refused").timer().count(),
                "the refused password, timed as Okta's refusal");
        assertTrue(registry.get("oie.okta.calls").tags("outcome", "ok").timers().stream().mapToLong(t -> t.count()).sum() >= 4,
                "interact, introspect, identify, answer, token");
        assertTrue(log.lines().contains("oie-filter audit: SIGN_IN_SUCCEEDED alice@example.com from " + CLIENT), log.lines().toString());
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("the audit listener") && l.contains("failed")),
                "a listener that throws is log.lines() and the others still hear: " + log.lines());
        assertTrue(log.lines().stream().noneMatch(l -> l.contains("Wrong-Password-1") || l.contains(SimulatorFixture.ALICE_PASSWORD)));
    }

    @Test
    void anUnknownIdentifierIsAFailureAndWhatWasTypedIsNeutralised() {
        SignInState identify = state(flow.start(), SignInView.IDENTIFY);
        String typed = "nobody@example.com\r\nINFO forged line\u202e";
        step(identify, s -> flow.identify(s, typed, null));
        assertEquals(List.of("SIGN_IN_FAILED(oie.error.signInFailed)"), heardTypes());
        assertEquals("nobody@example.com\\r\\nINFO forged line\\u202e", heard.get(0).subject());
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("oie-filter audit: SIGN_IN_FAILED nobody@example.com\\r\\nINFO forged line")),
                log.lines().toString());
        assertTrue(log.lines().stream().noneMatch(l -> l.contains("\n")), "one line each");
    }

    @Test
    void oktasRateLimitIsAThrottleAndAFailedCallByItsKind() {
        sim.rateLimits().limit("identify", 0, Duration.ofMinutes(1));
        SignInState identify = state(flow.start(), SignInView.IDENTIFY);
        FlowResult limited = step(identify, s -> flow.identify(s, SimulatorFixture.ALICE, null));
        assertInstanceOf(FlowResult.Failed.class, limited);
        assertEquals(List.of("THROTTLED(oie.error.rateLimited)"), heardTypes());
        assertEquals(1.0, registry.get("oie.events").tags("type", "throttled").counter().count());
    }

    @Test
    void aPasswordResetByEmailCodeIsARecoveryAndASignIn() {
        SignInState identify = state(flow.start(), SignInView.IDENTIFY);
        SignInState password = state(step(identify, s -> flow.identify(s, SimulatorFixture.ALICE, null)), SignInView.PASSWORD);
        SignInState code = state(step(password, flow::forgotPassword), SignInView.CODE);
        SignInState newPassword = state(step(code, s -> flow.answer(s,
                sim.outbox().latest(SimulatorFixture.ALICE).orElseThrow().code().toCharArray())), SignInView.NEW_PASSWORD);
        assertInstanceOf(FlowResult.SignedIn.class, step(newPassword, s -> flow.newPassword(s, "Brand-New-2026x".toCharArray(),
                "Brand-New-2026x".toCharArray())));
        assertEquals(List.of("PASSWORD_RECOVERED", "SIGN_IN_SUCCEEDED"), heardTypes());
    }

    @Test
    void aSignUpIsAuditedWhenItEndsSignedIn() {
        SignInState form = state(step(state(flow.start(), SignInView.IDENTIFY), flow::signUp), SignInView.SIGN_UP);
        SignInState select = state(step(form, s -> flow.register(s, java.util.Map.of("firstName", "Neve", "lastName", "Newton",
                "email", "audit.neve@example.com"))), SignInView.SELECT);
        SignInState password = state(step(select, s -> flow.select(s,
                sim.org().authenticatorId(io.oiefilter.simulator.org.AuthenticatorKind.PASSWORD))), SignInView.NEW_PASSWORD);
        SignInState optional = state(step(password, s -> flow.newPassword(s, "Newton-Apple-2026".toCharArray(),
                "Newton-Apple-2026".toCharArray())), SignInView.SELECT);
        assertInstanceOf(FlowResult.SignedIn.class, step(optional, flow::skip));
        assertEquals(List.of("SIGNED_UP", "SIGN_IN_SUCCEEDED"), heardTypes());
        assertEquals("audit.neve@example.com", heard.get(0).subject());
    }

    @Test
    void anUnlockedAccountIsAudited() {
        String login = "audit.locked@example.com";
        sim.org().createUser(login, login, "Lo", "Cked", List.of(), "Unlock-Me-2026", UserStatus.LOCKED_OUT, true, Instant.now());
        SignInState form = state(step(state(flow.start(), SignInView.IDENTIFY), flow::unlock), SignInView.UNLOCK);
        String email = flow.pageOf(form, SignInView.UNLOCK).choices().get(0).authenticatorId();
        SignInState code = state(step(form, s -> flow.unlockAccount(s, login, email)), SignInView.CODE);
        state(step(code, s -> flow.answer(s, sim.outbox().latest(login).orElseThrow().code().toCharArray())), SignInView.TERMINAL);
        assertEquals(List.of("ACCOUNT_UNLOCKED"), heardTypes());
        assertEquals(login, heard.get(0).subject());
    }

    @Test
    void withoutMicrometerNothingIsCountedAndTheSettingSaysWhy() {
        assertTrue(MetricsChoice.micrometerPresent(), "the tests have Micrometer");
        assertEquals(OieMetrics.NONE, MetricsChoice.of("none", OieConfig.METRICS));
        assertInstanceOf(MicrometerMetrics.class, MetricsChoice.of("auto", OieConfig.METRICS));
        assertFalse(heard.iterator().hasNext());
    }
}
