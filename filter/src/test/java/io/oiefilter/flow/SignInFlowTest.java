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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flow with no container: the real IDX port and SDK against the simulator over HTTP. The
 * transaction is serialized after every step and the flow goes on from the copy, as it would
 * after a fail-over in a cluster.
 */
class SignInFlowTest {
    /** The bound for what a session keeps of a sign-in, in progress or done (without tokens). */
    private static final int SMALL = 2048;

    private Simulator sim;
    private SignInFlow flow;
    private final TestClock clock = new TestClock();

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        OieConfig config = SimulatorFixture.config(sim);
        flow = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout()), config,
                null, null, new io.oiefilter.activation.InMemoryAttemptStore(clock), new ResponsePacer(), null, clock);
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
        assertEquals(view, p.view(), p.messageKeys().toString());
        return p;
    }

    private static SignInState state(FlowResult r, SignInView view) {
        return page(r, view).state();
    }

    @Test
    void identifierFirstFromSerializedCopies() throws Exception {
        SignInState s = roundTrip(state(flow.start(), SignInView.IDENTIFY));
        s = roundTrip(state(flow.identify(s, ALICE, null), SignInView.PASSWORD));
        assertEquals(ALICE, s.identifier());
        FlowResult.SignedIn done = assertInstanceOf(FlowResult.SignedIn.class, flow.answer(s, ALICE_PASSWORD.toCharArray()));

        OieAuthentication auth = roundTrip(done.authentication());
        assertEquals(ALICE, auth.user().getName());
        assertEquals("Alice Liddell", auth.user().getDisplayName());
        assertEquals(List.of("Everyone", "Admins", "Readers"), auth.user().getGroups());
        assertNull(auth.tokens().accessToken(), "kept only when the app asks for it");
        assertNull(auth.tokens().idToken(), "kept only for an end-session hint");
        assertFalse(auth.user().getClaims().containsKey("nonce"), "the ID token's own checks are done");
        assertEquals("alice@example.com", auth.user().getClaims().get("email"));
        assertEquals(1, sim.requestLog().countOf("token"));
    }

    @Test
    void theSessionKeepsTheTokensAndClaimsTheAppAsksFor() throws Exception {
        OieConfig config = SimulatorFixture.config(sim, OieConfig.SESSION_TOKENS, "access", OieConfig.SESSION_CLAIMS, "email, groups");
        SignInFlow asking = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(),
                config.httpTimeout()), config);
        SignInState s = state(asking.identify(state(asking.start(), SignInView.IDENTIFY), ALICE, null), SignInView.PASSWORD);
        OieAuthentication auth = assertInstanceOf(FlowResult.SignedIn.class, asking.answer(s, ALICE_PASSWORD.toCharArray()))
                .authentication();
        assertTrue(auth.tokens().accessToken().length() > 20);
        assertNull(auth.tokens().idToken());
        assertEquals(java.util.Map.of("email", "alice@example.com", "groups", List.of("Everyone", "Admins", "Readers")),
                auth.user().getClaims());
        assertEquals("Alice Liddell", auth.user().getDisplayName(), "the user's own fields come from every claim");
    }

    @Test
    void oneStep() throws Exception {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.ONE_STEP);
        SignInState s = roundTrip(state(flow.start(), SignInView.IDENTIFY));
        assertTrue(s.transaction().step().remediation("identify").orElseThrow().hasField("credentials"));
        assertInstanceOf(FlowResult.SignedIn.class, flow.identify(s, ALICE, ALICE_PASSWORD.toCharArray()));
    }

    @Test
    void aWrongPasswordStaysOnThePasswordPageAndCanBeCorrected() throws Exception {
        SignInState s = state(flow.start(), SignInView.IDENTIFY);
        s = state(flow.identify(s, ALICE, null), SignInView.PASSWORD);
        FlowResult.Page wrong = page(flow.answer(s, "nope".toCharArray()), SignInView.PASSWORD);
        assertEquals(List.of("oie.error.passwordIncorrect"), wrong.messageKeys());
        assertEquals(1, sim.requestLog().countOf("introspect"), "the refusal carries the state: no second introspect");
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(roundTrip(wrong.state()), ALICE_PASSWORD.toCharArray()));
    }

    @Test
    void unknownAndSuspendedUsersGetTheSameAnswer() throws Exception {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.ONE_STEP);
        SignInState s = state(flow.start(), SignInView.IDENTIFY);
        FlowResult.Page unknown = page(flow.identify(s, "nobody@example.com", "x".toCharArray()), SignInView.IDENTIFY);
        FlowResult.Page suspended = page(flow.identify(unknown.state(), "bob@example.com", "CanWeFixIt-2026!".toCharArray()),
                SignInView.IDENTIFY);
        assertEquals(unknown.messageKeys(), suspended.messageKeys());
        assertEquals(List.of("oie.error.signInFailed"), suspended.messageKeys());
        assertInstanceOf(FlowResult.SignedIn.class, flow.identify(suspended.state(), ALICE, ALICE_PASSWORD.toCharArray()));
    }

    @Test
    void anExpiredTransactionStartsOverWithAMessage() throws Exception {
        IdxTransaction tx = state(flow.start(), SignInView.IDENTIFY).transaction();
        IdxTransaction gone = new IdxTransaction("no-longer-known", tx.codeVerifier(), tx.codeChallenge(), tx.state(), tx.nonce(),
                new io.oiefilter.idx.IdxStep("02-unknown-handle", tx.step().remediations(), null, null, null, null, null));
        FlowResult.Page restarted = page(flow.identify(SignInState.of(gone), ALICE, null), SignInView.IDENTIFY);
        assertEquals(List.of("oie.error.sessionExpired"), restarted.messageKeys());
        assertTrue(!restarted.state().begun(), "a fresh first page: the next form begins a new transaction");
        assertEquals(SignInView.PASSWORD, page(flow.identify(restarted.state(), ALICE, null), SignInView.PASSWORD).view());
    }

    @Test
    void anUnreachableOrgIsAFailureNotAnException() {
        SignInState s = state(flow.start(), SignInView.IDENTIFY);
        sim.stop();
        FlowResult.Failed failed = assertInstanceOf(FlowResult.Failed.class, flow.identify(s, ALICE, null));
        assertEquals("oie.error.unavailable", failed.messageKey());
        assertEquals(503, failed.status());
        SignInState shown = state(flow.start(), SignInView.IDENTIFY); // the first page costs Okta nothing once known
        assertInstanceOf(FlowResult.Failed.class, flow.identify(shown, ALICE, null));
        OieConfig config = SimulatorFixture.config(sim);
        SignInFlow neverReachedOkta = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(),
                config.httpTimeout()), config);
        assertInstanceOf(FlowResult.Failed.class, neverReachedOkta.start(), "no first page known yet: it must ask Okta");
    }

    @Test
    void emptyInputIsAskedForAgainWithoutCallingOkta() {
        SignInState s = state(flow.start(), SignInView.IDENTIFY);
        int identifies = sim.requestLog().countOf("identify");
        assertEquals(List.of("oie.error.identifierRequired"), page(flow.identify(s, "  ", null), SignInView.IDENTIFY).messageKeys());
        assertEquals(identifies, sim.requestLog().countOf("identify"));
    }

    private String latestCode(String address) {
        return sim.outbox().latest(address).orElseThrow().code();
    }

    @Test
    void passwordThenEmailCodeWithTheOnlyMethodChosenForThePerson() throws Exception {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().requireEmailCode(true);
        SignInState s = state(flow.start(), SignInView.IDENTIFY);
        s = roundTrip(state(flow.identify(s, ALICE, null), SignInView.PASSWORD));
        SignInState code = roundTrip(state(flow.answer(s, ALICE_PASSWORD.toCharArray()), SignInView.CODE));
        assertTrue(code.codeSentAt() != null, "the resend cooldown starts when the code page is reached");
        assertEquals(List.of("oie.error.codeInvalid"), page(flow.answer(code, "000000x".toCharArray()), SignInView.CODE).messageKeys());
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(code, latestCode(ALICE).toCharArray()));
    }

    @Test
    void resendWaitsForTheCooldown() throws Exception {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().requireEmailCode(true);
        SignInState s = state(flow.identify(state(flow.start(), SignInView.IDENTIFY), ALICE, null), SignInView.PASSWORD);
        SignInState code = state(flow.answer(s, ALICE_PASSWORD.toCharArray()), SignInView.CODE);
        int sent = sim.outbox().to(ALICE).size();
        assertEquals(List.of("oie.error.resendTooSoon"), page(flow.resend(code), SignInView.CODE).messageKeys());
        assertEquals(sent, sim.outbox().to(ALICE).size(), "no email before the cooldown ends");

        clock.advance(SimulatorFixture.config(sim).resendCooldown());
        FlowResult.Page resent = page(flow.resend(code), SignInView.CODE);
        assertEquals(List.of("oie.info.codeResent"), resent.messageKeys());
        assertEquals(sent + 1, sim.outbox().to(ALICE).size());
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(resent.state(), latestCode(ALICE).toCharArray()));
    }

    @Test
    void optionalEnrollmentCanBeSkipped() throws Exception {
        sim.org().createUser("flow.skip@example.com", "flow.skip@example.com", "Flow", "Skip", List.of(), "Flow-Skip-2026",
                io.oiefilter.simulator.org.UserStatus.ACTIVE, false, java.time.Instant.now());
        SignInState s = state(flow.identify(state(flow.start(), SignInView.IDENTIFY), "flow.skip@example.com", null), SignInView.PASSWORD);
        SignInState select = roundTrip(state(flow.answer(s, "Flow-Skip-2026".toCharArray()), SignInView.SELECT));
        assertTrue(select.transaction().step().remediation("skip").isPresent());
        assertInstanceOf(FlowResult.SignedIn.class, flow.skip(select));
    }

    @Test
    void requiredEmailEnrollment() throws Exception {
        sim.org().enrollmentPolicy(io.oiefilter.simulator.org.AuthenticatorKind.EMAIL, io.oiefilter.simulator.org.Requirement.REQUIRED);
        sim.org().createUser("flow.enrol@example.com", "flow.enrol@example.com", "Flow", "Enrol", List.of(), "Flow-Enrol-2026",
                io.oiefilter.simulator.org.UserStatus.ACTIVE, false, java.time.Instant.now());
        SignInState s = state(flow.identify(state(flow.start(), SignInView.IDENTIFY), "flow.enrol@example.com", null), SignInView.PASSWORD);
        // The one required method is chosen for the person: straight to the code page.
        SignInState code = state(flow.answer(s, "Flow-Enrol-2026".toCharArray()), SignInView.CODE);
        assertEquals("enroll-authenticator", code.transaction().step().first().orElseThrow().name());
        assertInstanceOf(FlowResult.SignedIn.class, flow.answer(code, latestCode("flow.enrol@example.com").toCharArray()));
    }

    @Test
    void forgotPasswordByEmailCode() throws Exception {
        SignInState s = state(flow.identify(state(flow.start(), SignInView.IDENTIFY), ALICE, null), SignInView.PASSWORD);
        SignInState code = roundTrip(state(flow.forgotPassword(s), SignInView.CODE));
        SignInState reset = roundTrip(state(flow.answer(code, latestCode(ALICE).toCharArray()), SignInView.NEW_PASSWORD));
        assertEquals(8, reset.transaction().step().current().rules().minLength(), "the org's rules, shown on the page");
        assertEquals(List.of("oie.error.passwordsDiffer"),
                page(flow.newPassword(reset, "Brand-New-2026".toCharArray(), "Brand-New-2027".toCharArray()), SignInView.NEW_PASSWORD).messageKeys());
        FlowResult.Page weak = page(flow.newPassword(reset, "short".toCharArray(), "short".toCharArray()), SignInView.NEW_PASSWORD);
        assertEquals(List.of(), weak.messageKeys(), "Okta's reason replaces our generic words");
        assertTrue(FlowPages.oktaWords(weak).get("password").get(0).startsWith("Password requirements were not met"),
                "why, in Okta's words, next to the field: " + weak.fieldMessages());
        String detail = FlowPages.oktaWords(weak).get("password").get(0).substring("Password requirements were not met. ".length());
        assertEquals(java.util.Map.of("password", List.of("oie.okta.passwordRequirementsNotMet[" + detail + "]")), FlowPages.oktaKeys(weak),
                "in the page's language, by Okta's key, with Okta's detail as its param");
        assertInstanceOf(FlowResult.SignedIn.class, flow.newPassword(reset, "Brand-New-2026".toCharArray(), "Brand-New-2026".toCharArray()));
    }

    @Test
    void forgotPasswordFromTheOneStepPage() throws Exception {
        sim.org().app(SimulatorFixture.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.ONE_STEP);
        SignInState s = state(flow.start(), SignInView.IDENTIFY);
        SignInState recovery = state(flow.forgotPassword(s), SignInView.IDENTIFY);
        assertEquals("identify-recovery", recovery.transaction().step().first().orElseThrow().name());
        SignInState code = state(flow.identify(recovery, ALICE, null), SignInView.CODE);
        SignInState reset = state(flow.answer(code, latestCode(ALICE).toCharArray()), SignInView.NEW_PASSWORD);
        assertInstanceOf(FlowResult.SignedIn.class, flow.newPassword(reset, "Brand-New-2026".toCharArray(), "Brand-New-2026".toCharArray()));
    }

    @Test
    void anExpiredPasswordIsChangedBeforeSignIn() throws Exception {
        sim.org().createUser("flow.expired@example.com", "flow.expired@example.com", "Flow", "Expired", List.of(), "Old-Pass-2025",
                io.oiefilter.simulator.org.UserStatus.PASSWORD_EXPIRED, true, java.time.Instant.now());
        SignInState s = state(flow.identify(state(flow.start(), SignInView.IDENTIFY), "flow.expired@example.com", null), SignInView.PASSWORD);
        SignInState change = state(flow.answer(s, "Old-Pass-2025".toCharArray()), SignInView.NEW_PASSWORD);
        assertEquals("reenroll-authenticator", change.transaction().step().first().orElseThrow().name());
        assertInstanceOf(FlowResult.SignedIn.class, flow.newPassword(change, "New-Pass-2026".toCharArray(), "New-Pass-2026".toCharArray()));
    }

    @Test
    void restartGoesBackToTheFirstPage() throws Exception {
        SignInState s = state(flow.identify(state(flow.start(), SignInView.IDENTIFY), ALICE, null), SignInView.PASSWORD);
        SignInState again = state(flow.restart(s), SignInView.IDENTIFY);
        assertEquals(null, again.identifier());
    }

    @Test
    void thePrincipalAndGroupsClaimsAreConfigurable() throws Exception {
        OieConfig config = SimulatorFixture.config(sim, OieConfig.PRINCIPAL_CLAIM, "email", OieConfig.GROUPS_CLAIM, "roles");
        SignInCompletion custom = new SignInCompletion(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(),
                config.httpTimeout()), config, new io.oiefilter.session.DefaultClaimsMapper(config), java.time.Clock.systemUTC());
        OieConfig plain = SimulatorFixture.config(sim);
        SignInCompletion standard = new SignInCompletion(new OktaIdxPort(plain), new OidcProvider(plain.issuer(),
                plain.clientId(), plain.httpTimeout()), plain, new io.oiefilter.session.DefaultClaimsMapper(plain), java.time.Clock.systemUTC());
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("00u1").claim("email", "x@example.com")
                .claim("roles", List.of("Auditors")).claim("groups", List.of("Admins")).build();
        var user = custom.userFrom(claims);
        assertEquals("x@example.com", user.getName());
        assertEquals(List.of("Auditors"), user.getGroups());
        assertEquals(java.util.Set.of("Auditors"), user.getRoles(), "the default mapper's roles are the groups claim");
        assertEquals("00u1", standard.userFrom(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("00u1").build()).getName(),
                "no principal claim: the subject");
    }

    @Test
    void signUpThenEnrollAPasswordAndSkipEmail() throws Exception {
        SignInState s = roundTrip(state(flow.start(), SignInView.IDENTIFY));
        assertTrue(s.transaction().step().remediation("select-enroll-profile").isPresent(), "the demo org lets people sign up");
        SignInState form = roundTrip(state(flow.signUp(s), SignInView.SIGN_UP));
        assertEquals(List.of("firstName", "lastName", "email", "department"),
                flow.pageOf(form, SignInView.SIGN_UP).profileFields().stream().map(PageContent.Field::name).toList());
        assertEquals(List.of("oie.error.signUpFieldsRequired"),
                page(flow.register(form, java.util.Map.of("email", "new@example.com")), SignInView.SIGN_UP).messageKeys());
        FlowResult.Page taken = page(flow.register(form, java.util.Map.of("firstName", "Al", "lastName", "Ready", "email", ALICE)),
                SignInView.SIGN_UP);
        assertEquals(List.of(), taken.messageKeys(), "an email that has an account already: Okta's words only, not ours too");
        assertEquals(java.util.Map.of("email", List.of("A user with this Email already exists")), FlowPages.oktaWords(taken),
                "Okta's words, next to the field they are about");
        assertEquals(java.util.Map.of("email", List.of("oie.okta.notUnique")), FlowPages.oktaKeys(taken), "and in the page's language");

        SignInState select = roundTrip(state(flow.register(form, java.util.Map.of("firstName", "Neve", "lastName", "Newton",
                "email", "neve@example.com", "unasked", "ignored")), SignInView.SELECT));
        assertEquals(io.oiefilter.simulator.org.UserStatus.PROVISIONED,
                sim.org().userByLogin("neve@example.com").orElseThrow().status());
        SignInState password = state(flow.select(select, sim.org().authenticatorId(io.oiefilter.simulator.org.AuthenticatorKind.PASSWORD)),
                SignInView.NEW_PASSWORD);
        SignInState optional = state(flow.newPassword(password, "Newton-Apple-2026".toCharArray(), "Newton-Apple-2026".toCharArray()),
                SignInView.SELECT);
        FlowResult.SignedIn done = assertInstanceOf(FlowResult.SignedIn.class, flow.skip(optional));
        assertEquals("neve@example.com", done.authentication().user().getName());
        assertEquals(io.oiefilter.simulator.org.UserStatus.ACTIVE, sim.org().userByLogin("neve@example.com").orElseThrow().status());
    }

    @Test
    void signUpCanBeSwitchedOff() {
        OieConfig config = SimulatorFixture.config(sim, OieConfig.SIGN_UP_ENABLED, "false");
        SignInFlow noSignUp = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(),
                config.httpTimeout()), config);
        SignInState s = state(noSignUp.start(), SignInView.IDENTIFY);
        assertEquals(List.of("oie.error.signUpUnavailable"), page(noSignUp.signUp(s), SignInView.IDENTIFY).messageKeys());
    }

    @Test
    void signUpsAreThrottledPerClientAddress() {
        OieConfig config = SimulatorFixture.config(sim, OieConfig.SIGN_UP_MAX_PER_ADDRESS, "2");
        SignInFlow throttled = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(),
                config.httpTimeout()), config, null, null, new io.oiefilter.activation.InMemoryAttemptStore());
        SignInFlow.Client client = new SignInFlow.Client("198.51.100.9", java.util.Locale.ENGLISH);
        SignInState form = state(throttled.signUp(state(throttled.start(), SignInView.IDENTIFY)), SignInView.SIGN_UP);
        for (int n = 0; n < 2; n++) {
            page(throttled.register(form, java.util.Map.of("firstName", "Al", "lastName", "Ready", "email", ALICE), client), SignInView.SIGN_UP);
        }
        int before = sim.requestLog().countOf("enroll/new");
        assertEquals(List.of("oie.error.signUpThrottled"), page(throttled.register(form,
                java.util.Map.of("firstName", "Tom", "lastName", "Many", "email", "tom@example.com"), client), SignInView.SIGN_UP).messageKeys());
        assertEquals(before, sim.requestLog().countOf("enroll/new"), "Okta is not asked");
    }
}
