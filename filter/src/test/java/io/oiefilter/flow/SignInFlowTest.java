package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.token.OidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;

import static io.oiefilter.SimulatorFixture.ALICE;
import static io.oiefilter.SimulatorFixture.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flow with no container: the real IDX port and SDK against the simulator over HTTP. The
 * transaction is serialized after every step and the flow goes on from the copy, as it would
 * after a fail-over in a cluster.
 */
class SignInFlowTest {
    private static final int SMALL = 4096;

    private Simulator sim;
    private SignInFlow flow;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        OieConfig config = SimulatorFixture.config(sim);
        flow = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout()), config);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Serializable> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        assertTrue(bytes.size() < SMALL, "session state stays small: " + bytes.size() + " bytes");
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private static FlowResult.Page page(FlowResult r, SignInView view) {
        FlowResult.Page p = assertInstanceOf(FlowResult.Page.class, r, r.toString());
        assertEquals(view, p.view());
        return p;
    }

    @Test
    void identifierFirstFromSerializedCopies() throws Exception {
        IdxTransaction tx = roundTrip(page(flow.start(), SignInView.IDENTIFY).transaction());
        tx = roundTrip(page(flow.identify(tx, ALICE, null), SignInView.PASSWORD).transaction());
        FlowResult.SignedIn done = assertInstanceOf(FlowResult.SignedIn.class, flow.answerPassword(tx, ALICE_PASSWORD.toCharArray()));

        OieAuthentication auth = roundTrip(done.authentication());
        assertEquals(ALICE, auth.user().getName());
        assertEquals("Alice Liddell", auth.user().getDisplayName());
        assertEquals(List.of("Everyone", "Admins", "Readers"), auth.user().getGroups());
        assertTrue(auth.tokens().accessToken().length() > 20);
        assertEquals(1, sim.requestLog().countOf("token"));
    }

    @Test
    void oneStep() throws Exception {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.ONE_STEP);
        IdxTransaction tx = roundTrip(page(flow.start(), SignInView.IDENTIFY).transaction());
        assertTrue(tx.step().remediation("identify").orElseThrow().hasField("credentials"));
        assertInstanceOf(FlowResult.SignedIn.class, flow.identify(tx, ALICE, ALICE_PASSWORD.toCharArray()));
    }

    @Test
    void aWrongPasswordStaysOnThePasswordPageAndCanBeCorrected() throws Exception {
        IdxTransaction tx = page(flow.start(), SignInView.IDENTIFY).transaction();
        tx = page(flow.identify(tx, ALICE, null), SignInView.PASSWORD).transaction();
        FlowResult.Page wrong = page(flow.answerPassword(tx, "nope".toCharArray()), SignInView.PASSWORD);
        assertEquals(List.of("oie.error.passwordIncorrect"), wrong.messageKeys());
        assertInstanceOf(FlowResult.SignedIn.class, flow.answerPassword(roundTrip(wrong.transaction()), ALICE_PASSWORD.toCharArray()));
    }

    @Test
    void unknownAndSuspendedUsersGetTheSameAnswer() throws Exception {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.ONE_STEP);
        IdxTransaction tx = page(flow.start(), SignInView.IDENTIFY).transaction();
        FlowResult.Page unknown = page(flow.identify(tx, "nobody@example.com", "x".toCharArray()), SignInView.IDENTIFY);
        FlowResult.Page suspended = page(flow.identify(unknown.transaction(), "bob@example.com", "CanWeFixIt-2026!".toCharArray()),
                SignInView.IDENTIFY);
        assertEquals(unknown.messageKeys(), suspended.messageKeys());
        assertEquals(List.of("oie.error.signInFailed"), suspended.messageKeys());
        assertInstanceOf(FlowResult.SignedIn.class, flow.identify(suspended.transaction(), ALICE, ALICE_PASSWORD.toCharArray()));
    }

    @Test
    void anExpiredTransactionStartsOverWithAMessage() throws Exception {
        IdxTransaction tx = page(flow.start(), SignInView.IDENTIFY).transaction();
        IdxTransaction gone = new IdxTransaction("no-longer-known", tx.codeVerifier(), tx.codeChallenge(), tx.state(), tx.nonce(),
                new io.oiefilter.idx.IdxStep("02-unknown-handle", tx.step().remediations(), null, null, null));
        FlowResult.Page restarted = page(flow.identify(gone, ALICE, null), SignInView.IDENTIFY);
        assertEquals(List.of("oie.error.sessionExpired"), restarted.messageKeys());
        assertTrue(!restarted.transaction().interactionHandle().equals("no-longer-known"));
    }

    @Test
    void anUnreachableOrgIsAFailureNotAnException() {
        IdxTransaction tx = page(flow.start(), SignInView.IDENTIFY).transaction();
        sim.stop();
        FlowResult.Failed failed = assertInstanceOf(FlowResult.Failed.class, flow.identify(tx, ALICE, null));
        assertEquals("oie.error.unavailable", failed.messageKey());
        assertInstanceOf(FlowResult.Failed.class, flow.start());
    }

    @Test
    void emptyInputIsAskedForAgainWithoutCallingOkta() {
        IdxTransaction tx = page(flow.start(), SignInView.IDENTIFY).transaction();
        int identifies = sim.requestLog().countOf("identify");
        assertEquals(List.of("oie.error.identifierRequired"), page(flow.identify(tx, "  ", null), SignInView.IDENTIFY).messageKeys());
        assertEquals(identifies, sim.requestLog().countOf("identify"));
    }
}
