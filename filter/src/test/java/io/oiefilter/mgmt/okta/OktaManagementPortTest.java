package io.oiefilter.mgmt.okta;

import io.oiefilter.mgmt.ManagementException;
import io.oiefilter.mgmt.ManagementPort;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.faults.Fault;
import io.oiefilter.simulator.idx.IdxEngine;
import io.oiefilter.simulator.mail.Email;
import io.oiefilter.simulator.mgmt.EmailFactorCodes;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Management port's email-factor methods on okta-sdk-java 24, against the simulator's Factors API. */
class OktaManagementPortTest {
    private static final String API_TOKEN = "00demo-management-api-token-not-for-production";
    private static final AtomicInteger USERS = new AtomicInteger();

    private static Simulator sim;
    private static ManagementPort port;

    @BeforeAll
    static void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        port = new OktaManagementPort(URI.create(sim.baseUri()), API_TOKEN, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    /** A fresh user per test: Okta takes one email challenge per address every 5 seconds. */
    private static OrgUser userWithEmail() {
        String login = "port" + USERS.incrementAndGet() + "@example.com";
        return sim.org().createUser(login, login, "Por", "T", List.of(), "Port-Pass-2026", UserStatus.ACTIVE, true,
                sim.clock().instant());
    }

    private static String factorOf(OrgUser u) throws ManagementException {
        return port.emailFactorId(u.id()).orElseThrow();
    }

    private static String challengeAndReadCode(OrgUser u, String factorId) throws ManagementException {
        port.challengeEmailFactor(u.id(), factorId);
        Email mail = sim.outbox().latest(u.email()).orElseThrow();
        assertEquals("factor-challenge", mail.kind());
        return mail.code();
    }

    @Test
    void findsTheEmailFactorOnlyOfUsersWhoEnrolledEmail() throws Exception {
        OrgUser alice = sim.org().userByLogin("alice@example.com").orElseThrow();
        assertTrue(port.emailFactorId(alice.id()).orElseThrow().startsWith("emf"));

        OrgUser pat = sim.org().userByLogin("pat@example.com").orElseThrow();
        assertEquals(Optional.empty(), port.emailFactorId(pat.id()), "PROVISIONED, email never enrolled");

        pat.enrollEmail(sim.clock().instant()); // as an activation abandoned after the email code leaves it
        assertTrue(port.emailFactorId(pat.id()).isPresent());

        ManagementException unknown = assertThrows(ManagementException.class, () -> port.emailFactorId("00uNoSuchUser0000000"));
        assertEquals(404, unknown.httpStatus());
    }

    @Test
    void theCodeOktaEmailsVerifiesOnce() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = factorOf(u);
        String code = challengeAndReadCode(u, factorId);
        assertTrue(port.verifyEmailFactor(u.id(), factorId, code.toCharArray()));
        assertFalse(port.verifyEmailFactor(u.id(), factorId, code.toCharArray()), "used");
    }

    @Test
    void aWrongOrBlankCodeIsFalseAndTheRightOneStillWorks() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = factorOf(u);
        String code = challengeAndReadCode(u, factorId);
        assertFalse(port.verifyEmailFactor(u.id(), factorId, (code.equals("000000") ? "111111" : "000000").toCharArray()));

        int emails = sim.outbox().to(u.email()).size();
        int requests = sim.requestLog().countOf("factors");
        assertFalse(port.verifyEmailFactor(u.id(), factorId, "  ".toCharArray()));
        assertFalse(port.verifyEmailFactor(u.id(), factorId, null));
        assertEquals(requests, sim.requestLog().countOf("factors"), "a blank code is not sent: Okta would take it for a new challenge");
        assertEquals(emails, sim.outbox().to(u.email()).size());

        assertTrue(port.verifyEmailFactor(u.id(), factorId, (" " + code + " ").toCharArray()));
    }

    @Test
    void anExpiredCodeIsFalse() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = factorOf(u);
        String code = challengeAndReadCode(u, factorId);
        sim.clock().advance(IdxEngine.EMAIL_CODE_LIFETIME.plusSeconds(1));
        assertFalse(port.verifyEmailFactor(u.id(), factorId, code.toCharArray()));
    }

    @Test
    void aSecondChallengeWithinFiveSecondsIsA429AtOnce() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = factorOf(u);
        challengeAndReadCode(u, factorId);
        long started = System.nanoTime();
        ManagementException tooSoon = assertThrows(ManagementException.class, () -> port.challengeEmailFactor(u.id(), factorId));
        assertEquals(429, tooSoon.httpStatus());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0, "not retried by the SDK");

        sim.clock().advance(EmailFactorCodes.RESEND_INTERVAL);
        String second = challengeAndReadCode(u, factorId);
        assertTrue(port.verifyEmailFactor(u.id(), factorId, second.toCharArray()));
    }

    @Test
    void unknownFactorsAndAWrongTokenAreManagementExceptions() throws Exception {
        OrgUser u = userWithEmail();
        ManagementException challenge = assertThrows(ManagementException.class,
                () -> port.challengeEmailFactor(u.id(), "emfNoSuchFactor00000"));
        assertEquals(404, challenge.httpStatus());
        ManagementException verify = assertThrows(ManagementException.class,
                () -> port.verifyEmailFactor(u.id(), "emfNoSuchFactor00000", "123456".toCharArray()));
        assertEquals(404, verify.httpStatus());

        ManagementPort wrongToken = new OktaManagementPort(URI.create(sim.baseUri()), "wrong-token", Duration.ofSeconds(5));
        ManagementException refused = assertThrows(ManagementException.class, () -> wrongToken.emailFactorId(u.id()));
        assertEquals(401, refused.httpStatus());
    }

    @Test
    void failuresCarryTheStatusNeverTheCode() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = factorOf(u);
        String code = challengeAndReadCode(u, factorId);

        sim.faults().inject("factors", Fault.status(503).times(1));
        ManagementException e = assertThrows(ManagementException.class,
                () -> port.verifyEmailFactor(u.id(), factorId, code.toCharArray()));
        assertEquals(503, e.httpStatus(), "not hidden by an SDK retry");
        assertEquals("factor verify refused: HTTP 503 E0000009", e.getMessage(), "Okta's error code, never the passcode");
        assertTrue(port.verifyEmailFactor(u.id(), factorId, code.toCharArray()), "the refused request used nothing up");

        sim.clock().advance(EmailFactorCodes.RESEND_INTERVAL);
        int emails = sim.outbox().to(u.email()).size();
        sim.faults().inject("factors", Fault.status(503).times(1));
        ManagementException challenge = assertThrows(ManagementException.class, () -> port.challengeEmailFactor(u.id(), factorId));
        assertEquals(503, challenge.httpStatus());
        assertEquals(emails, sim.outbox().to(u.email()).size(), "no second email from a retry");
    }
}
