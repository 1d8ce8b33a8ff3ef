package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.activation.Activation;
import io.oiefilter.activation.ActivationOutcome;
import io.oiefilter.activation.ActivationStrategy;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.activation.ManagementApiActivationStrategy;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.mgmt.ManagementPort;
import io.oiefilter.mgmt.okta.OktaManagementPort;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import io.oiefilter.token.OidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The activation pages as an attacker probes them: parallel requests on one session, requests
 * timed against each other, pages left until Okta's transaction is gone. The flow runs against the
 * simulator, with the activation work in the background as in the filter.
 */
class ActivationUnderAttackTest {
    private static final String API_TOKEN = "00demo-management-api-token-not-for-production";
    private static final SignInFlow.Client CLIENT = new SignInFlow.Client("198.51.100.4", Locale.ENGLISH);

    private Simulator sim;
    private final TestClock clock = new TestClock();
    private final List<Duration> paced = new CopyOnWriteArrayList<>();
    private ResponsePacer pacer;
    private PendingActivations pending;
    private SignInFlow flow;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        pacer = new ResponsePacer(paced::add); // counts the waits instead of sleeping
        flow = flow(ManagementApiActivationStrategy::new);
    }

    @AfterEach
    void stop() {
        flow.close();
        sim.stop();
    }

    private SignInFlow flow(Function<ManagementPort, ActivationStrategy> strategy, String... settings) {
        List<String> all = new ArrayList<>(List.of(OieConfig.MANAGEMENT_TOKEN, API_TOKEN));
        all.addAll(List.of(settings));
        OieConfig config = SimulatorFixture.config(sim, all.toArray(String[]::new));
        ManagementPort management = new OktaManagementPort(config.managementOrgUrl(), API_TOKEN, config.httpTimeout());
        Activation activation = new Activation(strategy.apply(management), new InMemoryAttemptStore(clock), List.of(), config,
                () -> management);
        pending = new PendingActivations(Executors.newFixedThreadPool(2), pacer, clock);
        return new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout()),
                config, activation, null, new InMemoryAttemptStore(clock), pacer, pending, clock);
    }

    private OrgUser user(UserStatus status, boolean emailEnrolled) {
        String login = status.name().toLowerCase(Locale.ROOT) + "." + System.nanoTime() + "@example.com";
        return sim.org().createUser(login, login, "Under", "Attack", List.of(), null, status, emailEnrolled, Instant.now());
    }

    private FlowResult.Page codePage(String login) {
        FlowResult.Page first = assertInstanceOf(FlowResult.Page.class, flow.start());
        FlowResult.Page page = assertInstanceOf(FlowResult.Page.class, flow.identify(first.state(), login, null, CLIENT));
        assertEquals(SignInView.ACTIVATION_CODE, page.view());
        return page;
    }

    private String code(String address) throws InterruptedException {
        for (int i = 0; i < 100 && sim.outbox().latest(address).isEmpty(); i++) {
            Thread.sleep(50); // the code is sent from the background
        }
        return sim.outbox().latest(address).orElseThrow().code();
    }

    private static <T> List<T> inParallel(int n, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : all) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> messages(List<FlowResult> results) {
        return results.stream().map(r -> r instanceof FlowResult.Page p ? String.join(",", p.messageKeys()) : r.toString()).toList();
    }

    @Test
    void sixtyParallelWrongCodesOnOneSessionGetFiveChecksAndTheRightCodeIsDeadAfter() throws Exception {
        OrgUser pat = user(UserStatus.PROVISIONED, false);
        SignInState page = codePage(pat.login()).state();
        String right = code(pat.email());
        int checks = sim.requestLog().countOf("challenge/answer");
        List<FlowResult> results = inParallel(60, () -> flow.answer(page, "000000".toCharArray()));
        List<String> keys = messages(results);
        assertEquals(4, keys.stream().filter("oie.error.codeInvalid"::equals).count(), keys.toString());
        assertEquals(56, keys.stream().filter("oie.error.tooManyCodes"::equals).count(), keys.toString());
        assertEquals(checks + 5, sim.requestLog().countOf("challenge/answer"), "Okta was asked five times, not sixty");
        FlowResult late = flow.answer(page, right.toCharArray());
        assertEquals(List.of("oie.error.tooManyCodes"), assertInstanceOf(FlowResult.Page.class, late).messageKeys(),
                "the limit holds for the right code too");
    }

    @Test
    void tenParallelResendsAfterTheCooldownSendOneEmail() throws Exception {
        OrgUser pat = user(UserStatus.PROVISIONED, false);
        SignInState page = codePage(pat.login()).state();
        code(pat.email());
        clock.advance(Duration.ofSeconds(31));
        List<String> keys = messages(inParallel(10, () -> flow.resend(page)));
        assertEquals(1, keys.stream().filter("oie.info.codeResent"::equals).count(), keys.toString());
        assertEquals(9, keys.stream().filter("oie.error.resendTooSoon"::equals).count(), keys.toString());
        assertEquals(2, sim.outbox().to(pat.email()).size(), "the first code and one more");
    }

    @Test
    void aFailedIdentifyAnswersBeforeTheActivationWorkIsDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean strategyDone = new AtomicBoolean();
        flow.close();
        flow = flow(m -> new ManagementApiActivationStrategy(m) {
            @Override
            public ActivationOutcome onIdentifyFailed(io.oiefilter.activation.ActivationRequest request) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ActivationOutcome o = super.onIdentifyFailed(request);
                strategyDone.set(true);
                return o;
            }
        });
        OrgUser pat = user(UserStatus.PROVISIONED, false);
        SignInState page = codePage(pat.login()).state();
        assertFalse(strategyDone.get(), "the page was answered while the Management API work had not even begun");
        release.countDown();
        FlowResult.Page password = assertInstanceOf(FlowResult.Page.class, flow.answer(page, code(pat.email()).toCharArray()));
        assertEquals(SignInView.NEW_PASSWORD, password.view(), "the code post joined the activation");
    }

    @Test
    void aWrongCodeOnAnUnknownAccountsPageTakesARealChecksTime() throws Exception {
        OrgUser pat = user(UserStatus.PROVISIONED, false);
        SignInState real = codePage(pat.login()).state();
        code(pat.email());
        flow.answer(real, "000000".toCharArray()); // a real wrong code: Okta checks it, and its time is recorded
        Duration realCheck = pacer.sample(ResponsePacer.Operation.CODE_CHECK);
        paced.clear();
        SignInState unknown = codePage("nobody." + System.nanoTime() + "@example.com").state();
        FlowResult wrong = flow.answer(unknown, "000000".toCharArray());
        assertEquals(List.of("oie.error.codeInvalid"), assertInstanceOf(FlowResult.Page.class, wrong).messageKeys());
        assertEquals(1, paced.size(), "the unknown account's page waited once, as if Okta had checked the code");
        assertTrue(paced.get(0).toNanos() > realCheck.toNanos() / 2, paced + " vs " + realCheck);
    }

    @Test
    void pastTheDeadlineEveryActivationPageStartsOverAlike() throws Exception {
        OrgUser pat = user(UserStatus.PROVISIONED, false);
        SignInState real = codePage(pat.login()).state();
        SignInState unknown = codePage("nobody." + System.nanoTime() + "@example.com").state();
        String right = code(pat.email());
        clock.advance(Duration.ofMinutes(61)); // past Okta's transaction, whose expiresAt the page keeps
        for (SignInState s : List.of(real, unknown)) {
            FlowResult.Page over = assertInstanceOf(FlowResult.Page.class, flow.answer(s, right.toCharArray()));
            assertEquals(List.of("oie.error.sessionExpired"), over.messageKeys());
            assertEquals(SignInView.IDENTIFY, over.view());
        }
    }

    @Test
    void anActivationAbandonedAfterTheEmailStepIsProvenByTheEnrolledEmailAndEndsSignedIn() throws Exception {
        OrgUser pat = user(UserStatus.PROVISIONED, true); // email enrolled, no password: closed the browser half-way
        SignInState page = codePage(pat.login()).state();
        io.oiefilter.simulator.mail.Email sent = waitForEmail(pat.email());
        assertEquals("factor-challenge", sent.kind(), "Okta emailed a code for the enrolled email factor");
        FlowResult.Page password = assertInstanceOf(FlowResult.Page.class, flow.answer(page, sent.code().toCharArray()));
        assertEquals(SignInView.NEW_PASSWORD, password.view());
        FlowResult done = flow.newPassword(password.state(), "Came-Back-2026".toCharArray(), "Came-Back-2026".toCharArray());
        assertInstanceOf(FlowResult.SignedIn.class, done);
        assertEquals(UserStatus.ACTIVE, pat.status());
    }

    private io.oiefilter.simulator.mail.Email waitForEmail(String address) throws InterruptedException {
        for (int i = 0; i < 100 && sim.outbox().latest(address).isEmpty(); i++) {
            Thread.sleep(50);
        }
        return sim.outbox().latest(address).orElseThrow();
    }

    @Test
    void activationLinksAreCheckedBeforeOktaAndThrottledPerAddress() {
        flow.close();
        flow = flow(ManagementApiActivationStrategy::new, OieConfig.ACTIVATION_MAX_PER_ADDRESS, "2");
        int interacts = sim.requestLog().countOf("interact");
        FlowResult.Failed malformed = assertInstanceOf(FlowResult.Failed.class, flow.activateWithLink("<script>", CLIENT));
        assertEquals(400, malformed.status());
        assertEquals(interacts, sim.requestLog().countOf("interact"), "what cannot be a token costs Okta nothing");
        for (int n = 0; n < 2; n++) {
            FlowResult.Failed spent = assertInstanceOf(FlowResult.Failed.class, flow.activateWithLink("spentOrUnknown" + n, CLIENT));
            assertEquals(410, spent.status(), "a spent link is the person's error, not an outage");
            assertEquals("oie.error.activationLinkInvalid", spent.messageKey());
        }
        FlowResult.Failed throttled = assertInstanceOf(FlowResult.Failed.class, flow.activateWithLink("oneTooMany", CLIENT));
        assertEquals(429, throttled.status());
        assertEquals(interacts + 2, sim.requestLog().countOf("interact"));
    }
}
