package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.activation.Activation;
import io.oiefilter.activation.ActivationEvent;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.mgmt.okta.OktaManagementPort;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.UserStatus;
import io.oiefilter.token.OidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PROVISIONED and STAGED users through the activation strategies, against the simulator's IDX and Users APIs. */
class ActivationFlowTest {
    static final String API_TOKEN = "00demo-management-api-token-not-for-production";
    private static final SignInFlow.Client CLIENT = new SignInFlow.Client("203.0.113.7", Locale.ENGLISH);

    private Simulator sim;
    private final List<ActivationEvent> events = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension SMTP = new com.icegreen.greenmail.junit5.GreenMailExtension(
            com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());

    private io.oiefilter.activation.CodeSender codeSender;

    private SignInFlow flow(String... settings) {
        List<String> all = new ArrayList<>(List.of(OieConfig.MANAGEMENT_TOKEN, API_TOKEN));
        all.addAll(List.of(settings));
        OieConfig config = SimulatorFixture.config(sim, all.toArray(String[]::new));
        Activation activation = new Activation(new io.oiefilter.spi.PluggableParts(config, getClass().getClassLoader(),
                () -> new OktaManagementPort(config.managementOrgUrl(), API_TOKEN, config.httpTimeout())).strategy(),
                new InMemoryAttemptStore(), List.of(events::add), config);
        // The activation work runs on the calling thread here, so that each step can be checked at once;
        // BackgroundActivationTest runs it in the background as the filter does.
        return new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout()),
                config, activation, codeSender, new InMemoryAttemptStore(), new ResponsePacer(d -> { }),
                new PendingActivations(Runnable::run, new ResponsePacer(d -> { }), java.time.Clock.systemUTC()), java.time.Clock.systemUTC());
    }

    private static FlowResult.Page page(FlowResult r, SignInView view) {
        FlowResult.Page p = assertInstanceOf(FlowResult.Page.class, r, r.toString());
        assertEquals(view, p.view(), p.messageKeys().toString());
        return p;
    }

    private FlowResult.Page identify(SignInFlow flow, String login) {
        FlowResult.Page first = page(flow.start(), SignInView.IDENTIFY);
        return assertInstanceOf(FlowResult.Page.class, flow.identify(first.state(), login, null, CLIENT));
    }

    private String code(String address) {
        return sim.outbox().latest(address).orElseThrow().code();
    }

    private List<ActivationEvent.Type> eventTypes() {
        return events.stream().map(ActivationEvent::type).toList();
    }

    private void activates(String login) {
        SignInFlow flow = flow();
        FlowResult.Page codePage = identify(flow, login);
        assertEquals(SignInView.ACTIVATION_CODE, codePage.view());
        assertEquals(SignInState.ActivationStage.UNIFORM, codePage.state().activation(), "the page knows no more than for anyone");
        assertEquals(1, sim.outbox().to(login).size(), "Okta emailed the code");
        FlowResult.Page password = page(flow.answer(codePage.state(), code(login).toCharArray()), SignInView.NEW_PASSWORD);
        assertEquals(8, password.state().transaction().step().current().rules().minLength());
        FlowResult.SignedIn done = assertInstanceOf(FlowResult.SignedIn.class,
                flow.newPassword(password.state(), "Activated-2026".toCharArray(), "Activated-2026".toCharArray()));
        assertEquals(login, done.authentication().user().getName());
        assertEquals(UserStatus.ACTIVE, sim.org().userByLogin(login).orElseThrow().status());
        assertEquals(List.of(ActivationEvent.Type.TOKEN_ISSUED, ActivationEvent.Type.STARTED, ActivationEvent.Type.COMPLETED), eventTypes());
    }

    @Test
    void aProvisionedUserActivatesWithAnEmailCodeThenAPassword() {
        activates("pat@example.com");
    }

    @Test
    void aStagedUserToo() {
        activates("sam@example.com");
    }

    @Test
    void unknownSuspendedAndProvisionedUsersSeeTheSamePage() {
        SignInFlow flow = flow();
        FlowResult.Page unknown = identify(flow, "nobody@example.com");
        FlowResult.Page suspended = identify(flow, "bob@example.com");
        FlowResult.Page provisioned = identify(flow, "pat@example.com");
        for (FlowResult.Page p : List.of(unknown, suspended, provisioned)) {
            assertEquals(SignInView.ACTIVATION_CODE, p.view());
            assertEquals(List.of(), p.messageKeys());
        }
        assertEquals(SignInState.ActivationStage.UNIFORM, unknown.state().activation());
        assertEquals(SignInState.ActivationStage.UNIFORM, suspended.state().activation());
        assertTrue(sim.outbox().to("nobody@example.com").isEmpty() && sim.outbox().to("bob@example.com").isEmpty());
        assertEquals(1, sim.outbox().to("pat@example.com").size());
    }

    @Test
    void theOperatorCanOptOutOfTheUniformPage() {
        SignInFlow flow = flow(OieConfig.ACTIVATION_REVEAL_STATUS, "true");
        FlowResult.Page unknown = page(identify(flow, "nobody@example.com"), SignInView.IDENTIFY);
        assertEquals(List.of("oie.error.signInFailed"), unknown.messageKeys());
    }

    @Test
    void fiveWrongCodesStartOver() {
        SignInFlow flow = flow();
        for (String login : List.of("pat@example.com", "nobody@example.com")) {
            SignInState s = identify(flow, login).state();
            for (int n = 1; n < 5; n++) {
                FlowResult.Page wrong = page(flow.answer(s, "000000x".toCharArray()), SignInView.ACTIVATION_CODE);
                assertEquals(List.of("oie.error.codeInvalid"), wrong.messageKeys());
                s = wrong.state();
            }
            FlowResult.Page over = page(flow.answer(s, "000000x".toCharArray()), SignInView.IDENTIFY);
            assertEquals(List.of("oie.error.tooManyCodes"), over.messageKeys(), login);
        }
    }

    @Test
    void startsAreThrottledPerLogin() {
        SignInFlow flow = flow(OieConfig.ACTIVATION_MAX_PER_LOGIN, "2");
        for (int n = 0; n < 3; n++) {
            assertEquals(SignInView.ACTIVATION_CODE, identify(flow, "pat@example.com").view());
        }
        assertEquals(2, sim.outbox().to("pat@example.com").size(), "the third start sent nothing");
        assertTrue(eventTypes().contains(ActivationEvent.Type.THROTTLED));
    }

    @Test
    void withoutEmailEnrollmentActivationIsRefused() {
        sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.NOT_ALLOWED);
        SignInFlow flow = flow();
        FlowResult.Page p = identify(flow, "pat@example.com");
        assertEquals(SignInView.ACTIVATION_CODE, p.view(), "the same page as ever");
        assertEquals(SignInState.ActivationStage.UNIFORM, p.state().activation());
        assertTrue(sim.outbox().to("pat@example.com").isEmpty());
        assertEquals(List.of(ActivationEvent.Type.TOKEN_ISSUED, ActivationEvent.Type.REFUSED), eventTypes());
        assertTrue(events.get(1).detail().contains("no email authenticator"), events.get(1).detail());
    }

    @Test
    void oktaEmailSendsALinkThatContinuesOnTheAppsPages() {
        SignInFlow flow = flow(OieConfig.ACTIVATION_STRATEGY, "okta-email");
        FlowResult.Page sent = identify(flow, "pat@example.com");
        FlowResult.Page unknown = identify(flow, "nobody@example.com");
        assertEquals(SignInView.ACTIVATION_EMAIL, sent.view());
        assertEquals(SignInView.ACTIVATION_EMAIL, unknown.view());
        String link = sim.outbox().latest("pat@example.com").orElseThrow().link();
        String token = link.substring(link.lastIndexOf('/') + 1);

        FlowResult.Page select = page(flow.activateWithLink(token, CLIENT), SignInView.SELECT);
        OrgUser pat = sim.org().userByLogin("pat@example.com").orElseThrow();
        assertEquals(UserStatus.PROVISIONED, pat.status());
        FlowResult.Page password = page(flow.select(select.state(), sim.org().authenticatorId(AuthenticatorKind.PASSWORD)),
                SignInView.NEW_PASSWORD);
        // The seed's enrollment policy has email OPTIONAL: offered after the password, and skippable.
        FlowResult.Page optional = page(flow.newPassword(password.state(), "Linked-2026".toCharArray(), "Linked-2026".toCharArray()),
                SignInView.SELECT);
        assertInstanceOf(FlowResult.SignedIn.class, flow.skip(optional.state()));
        assertEquals(UserStatus.ACTIVE, pat.status());

        FlowResult.Failed used = assertInstanceOf(FlowResult.Failed.class, flow.activateWithLink(token, CLIENT));
        assertEquals("oie.error.activationLinkInvalid", used.messageKey());
    }

    @Test
    void withoutEmailEnrollmentTheFilterEmailsACodeItselfOverSmtp() throws Exception {
        sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.NOT_ALLOWED);
        codeSender = new io.oiefilter.activation.SmtpCodeSender("127.0.0.1", SMTP.getSmtp().getPort(), "no-reply@app.example.com",
                null, null, false, java.time.Duration.ofSeconds(5));
        SignInFlow flow = flow();
        FlowResult.Page codePage = identify(flow, "pat@example.com");
        assertEquals(SignInView.ACTIVATION_CODE, codePage.view());
        assertTrue(sim.outbox().to("pat@example.com").isEmpty(), "Okta sent nothing");
        jakarta.mail.internet.MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("pat@example.com", received[0].getAllRecipients()[0].toString());
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(received[0]);
        String code = body.replaceAll("(?s).*account: (\\d{6}).*", "$1");
        assertEquals(6, code.length(), body);
        FlowResult.Page wrong = page(flow.answer(codePage.state(), "000000x".toCharArray()), SignInView.ACTIVATION_CODE);
        assertEquals(List.of("oie.error.codeInvalid"), wrong.messageKeys());
        assertInstanceOf(LocalCode.class, wrong.state().proof(), "the activation is joined into the session state");
        String serialized = new String(io.oiefilter.session.CompactForms.plain(wrong.state()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(serialized.contains(((LocalCode) wrong.state().proof()).hash()), "the hash is what the session keeps");
        // A String field is written as its length (two bytes) and its characters: the code as a value of its own.
        assertTrue(!serialized.contains("\u0000\u0006" + code), "and never the code: " + code);
        FlowResult.Page password = page(flow.answer(wrong.state(), code.toCharArray()), SignInView.NEW_PASSWORD);
        assertInstanceOf(FlowResult.SignedIn.class,
                flow.newPassword(password.state(), "Own-Code-2026".toCharArray(), "Own-Code-2026".toCharArray()));
        assertEquals(UserStatus.ACTIVE, sim.org().userByLogin("pat@example.com").orElseThrow().status());
        assertEquals(List.of(ActivationEvent.Type.TOKEN_ISSUED, ActivationEvent.Type.STARTED, ActivationEvent.Type.COMPLETED), eventTypes());
    }

    @Test
    void expiredOrUnknownActivationLinksAreRefusedWithAClearPage() {
        SignInFlow flow = flow(OieConfig.ACTIVATION_STRATEGY, "okta-email");
        OrgUser late = sim.org().createUser("late@example.com", "late@example.com", "La", "Te", List.of(), null,
                UserStatus.PROVISIONED, false, java.time.Instant.now());
        late.activationToken("expired-token", java.time.Instant.now().minusSeconds(1));
        for (String token : List.of("expired-token", "never-issued", "")) {
            FlowResult.Failed f = assertInstanceOf(FlowResult.Failed.class, flow.activateWithLink(token, CLIENT));
            assertEquals("oie.error.activationLinkInvalid", f.messageKey(), token);
        }
    }

    @Test
    void aRegistrationAbandonedAfterTheProfileStepEndsSignedInThroughActivation() {
        SignInFlow flow = flow();
        FlowResult.Page identify = page(flow.start(), SignInView.IDENTIFY);
        FlowResult.Page form = page(flow.signUp(identify.state()), SignInView.SIGN_UP);
        page(flow.register(form.state(), Map.of("firstName", "Abe", "lastName", "Andon", "email", "abe@example.com")), SignInView.SELECT);
        // ... and the registrant walks away. Okta keeps the account, not ACTIVE.
        assertEquals(UserStatus.PROVISIONED, sim.org().userByLogin("abe@example.com").orElseThrow().status());

        FlowResult.Page code = identify(flow, "abe@example.com");
        assertEquals(SignInView.ACTIVATION_CODE, code.view());
        FlowResult.Page password = page(flow.answer(code.state(), code("abe@example.com").toCharArray()), SignInView.NEW_PASSWORD);
        FlowResult.SignedIn done = assertInstanceOf(FlowResult.SignedIn.class,
                flow.newPassword(password.state(), "Came-Back-2026".toCharArray(), "Came-Back-2026".toCharArray()));
        assertEquals("abe@example.com", done.authentication().user().getName());
        assertEquals(UserStatus.ACTIVE, sim.org().userByLogin("abe@example.com").orElseThrow().status());
    }
}
