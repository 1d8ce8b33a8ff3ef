package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.faults.Fault;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.token.OidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.oiefilter.SimulatorFixture.ALICE;
import static io.oiefilter.SimulatorFixture.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sign-in that finds every slot for calls to Okta taken (one slot, held by another sign-in Okta is
 * slow to answer): the busy failure, 503 with a short wait, its sign-in kept; once the slot is free
 * the same sign-in goes on from where it stood. The real port against the simulator over HTTP.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BusySignInTest {
    private Simulator sim;
    private OktaIdxPort port;
    private SignInFlow flow;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        OieConfig config = SimulatorFixture.config(sim, OieConfig.OKTA_MAX_CONCURRENT_CALLS, "1", OieConfig.OKTA_QUEUE_TIMEOUT, "200",
                OieConfig.HTTP_TIMEOUT, "30");
        port = new OktaIdxPort(config);
        flow = new SignInFlow(port, new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout()), config);
    }

    @AfterEach
    void stop() {
        port.close();
        sim.stop();
    }

    private static SignInState page(FlowResult r, SignInView view) {
        FlowResult.Page p = assertInstanceOf(FlowResult.Page.class, r, r.toString());
        assertEquals(view, p.view(), p.messageKeys().toString());
        return p.state();
    }

    @Test
    void aSignInFindingNoFreeSlotIsBusyKeptAndGoesOnOnceOneIsFree() throws Exception {
        SignInState first = page(flow.start(), SignInView.IDENTIFY);
        SignInState second = page(flow.start(), SignInView.IDENTIFY);
        sim.faults().inject("identify", Fault.delay(Duration.ofSeconds(5)).times(1));

        CompletableFuture<FlowResult> slow = CompletableFuture.supplyAsync(() -> flow.identify(first, ALICE, null));
        for (int i = 0; i < 3000 && !sim.faults().armed().isEmpty(); i++) {
            Thread.sleep(10); // until the first sign-in's identify is at Okta, holding the only slot
        }
        assertTrue(sim.faults().armed().isEmpty(), "the slow identify reached Okta");

        FlowResult.Failed busy = assertInstanceOf(FlowResult.Failed.class, flow.identify(second, ALICE, null));
        assertEquals("oie.error.busy", busy.messageKey());
        assertEquals(503, busy.status());
        assertEquals(OktaFailures.BUSY_RETRY_SECONDS, busy.retryAfterSeconds());
        assertTrue(busy.keepsSignIn(), "the web layer keeps the sign-in for Try again");
        assertFalse(slow.isDone(), "refused while the other sign-in still held the slot");

        page(slow.get(60, TimeUnit.SECONDS), SignInView.PASSWORD);
        SignInState password = page(flow.identify(second, ALICE, null), SignInView.PASSWORD); // Try again, from the same state
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(password, ALICE_PASSWORD.toCharArray()));
    }

    @Test
    void anUnavailableOktaIsNotBusy() {
        SignInState s = page(flow.start(), SignInView.IDENTIFY);
        sim.stop();
        FlowResult.Failed failed = assertInstanceOf(FlowResult.Failed.class, flow.identify(s, ALICE, null));
        assertEquals("oie.error.unavailable", failed.messageKey());
        assertFalse(failed.keepsSignIn());
    }
}
