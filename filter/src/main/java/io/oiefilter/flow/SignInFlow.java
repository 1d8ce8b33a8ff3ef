package io.oiefilter.flow;

import io.oiefilter.activation.Activation;
import io.oiefilter.activation.AttemptStore;
import io.oiefilter.activation.CodeSender;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.config.OieConfig;
import io.oiefilter.session.ClaimsMapper;
import io.oiefilter.session.DefaultClaimsMapper;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.log.OieLog;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.token.OidcProvider;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server-side interaction code flow, free of the servlet API: each call takes the sign-in the
 * session holds and returns what to do next; the web layer stores the state it gets back. This is
 * the facade; each kind of step has its own small class: the sign-in form {@link IdentifySteps}, an
 * authenticator's answers {@link AuthenticatorSteps}, sign-up {@link SignUpSteps}, unlock
 * {@link UnlockSteps}, the activation pages {@link ActivationSteps}. Where a sign-in goes after each
 * answer from Okta is {@link StepNavigator}'s; what a page shows is {@link PageContents}'.
 */
public final class SignInFlow implements AutoCloseable {
    private static final OieLog LOG = OieLog.of(SignInFlow.class);

    private final OieConfig config;
    private final FlowThrottles throttles;
    private final SignInCompletion completion;
    private final StepNavigator navigator;
    private final SignUpSteps signUp;
    private final UnlockSteps unlock;
    private final PhoneSteps phone;
    private final PageContents contents;
    private final IdentifySteps identifySteps;
    private final AuthenticatorSteps authenticators;
    private final WebAuthnSteps webAuthnSteps;
    private final OktaVerifySteps oktaVerify;
    private final ActivationSteps activation;
    private final PendingActivations pending;
    private final SignInLifetime lifetime;

    /** A flow without activation (the {@code none} strategy) and with sign-ups counted in memory. */
    public SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config) {
        this(idx, provider, config, null, null, new InMemoryAttemptStore());
    }

    /**
     * @param activation what to do after a failed identify; null for none
     * @param codeSender emails activation codes itself where Okta will not; may be null
     * @param attempts   the atomic counts: this sign-in's codes and resends, sign-ups and activations per address
     */
    public SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config, Activation activation, CodeSender codeSender,
                      AttemptStore attempts) {
        this(idx, provider, config, activation, codeSender, attempts, new DefaultClaimsMapper(config));
    }

    /** @param claimsMapper who the app sees for the signed-in person's claims (name, roles) */
    public SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config, Activation activation, CodeSender codeSender,
                      AttemptStore attempts, ClaimsMapper claimsMapper) {
        this(idx, provider, config, activation, codeSender, attempts, new ResponsePacer(), null, Clock.systemUTC(), claimsMapper);
    }

    /** With the pacer and the background runner given (tests run the activation work on the calling thread). */
    SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config, Activation activation, CodeSender codeSender,
               AttemptStore attempts, ResponsePacer pacer, PendingActivations pending, Clock clock) {
        this(idx, provider, config, activation, codeSender, attempts, pacer, pending, clock, new DefaultClaimsMapper(config));
    }

    SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config, Activation activation, CodeSender codeSender,
               AttemptStore attempts, ResponsePacer pacer, PendingActivations pending, Clock clock, ClaimsMapper claimsMapper) {
        this.config = config;
        Activation active = activation != null && activation.enabled() ? activation : null;
        this.throttles = new FlowThrottles(attempts, config);
        this.completion = new SignInCompletion(idx, provider, config, claimsMapper, clock);
        ActivationSteps[] steps = new ActivationSteps[1];
        this.navigator = new StepNavigator(idx, completion, new SignInTemplate(), throttles, pacer,
                active == null ? null : active.delivery(), user -> steps[0].completed(user), clock);
        this.signUp = new SignUpSteps(idx, navigator, attempts, config);
        this.unlock = new UnlockSteps(idx, navigator);
        this.phone = new PhoneSteps(idx, navigator);
        this.contents = new PageContents(navigator, config);
        this.pending = active == null ? null : pending != null ? pending : new PendingActivations(pacer);
        this.activation = active == null ? null
                : new ActivationSteps(idx, active, codeSender, this.pending, navigator, throttles, pacer, this.pending::execute, config,
                clock);
        steps[0] = this.activation;
        this.identifySteps = new IdentifySteps(idx, navigator, this.activation);
        this.authenticators = new AuthenticatorSteps(idx, navigator, throttles, this.activation, config, clock);
        this.webAuthnSteps = new WebAuthnSteps(idx, navigator);
        this.lifetime = new SignInLifetime(completion, config, clock);
        this.oktaVerify = new OktaVerifySteps(idx, navigator, throttles, clock);
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.close();
        }
    }

    /** Who is signing in, as far as the filter can tell: for throttles and strategies. */
    public record Client(String address, Locale locale) {
        /** For callers with no request at hand (tests, batch tools). */
        public static final Client UNKNOWN = new Client("unknown", Locale.ROOT);
    }

    /** The first page; no Okta call once the org's first page is known. */
    public FlowResult start() {
        return navigator.start();
    }

    /** Shows the current page again (GET after a redirect, or a second tab joining). */
    public FlowResult show(SignInState state) {
        return navigator.page(state, List.of());
    }

    public FlowResult identify(SignInState state, String identifier, char[] password) {
        return identify(state, identifier, password, Client.UNKNOWN);
    }

    public FlowResult identify(SignInState state, String identifier, char[] password, Client client) {
        return identify(state, identifier, password, false, client);
    }

    /** @param rememberMe "Keep me signed in", passed to Okta as IDX's rememberMe */
    public FlowResult identify(SignInState state, String identifier, char[] password, boolean rememberMe, Client client) {
        return identifySteps.identify(state, identifier, password, rememberMe, client);
    }

    /** {@code /activate?token=…}: an activation link from Okta's email, continued on the app's pages. */
    public FlowResult activateWithLink(String token, Client client) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{8,128}")) {
            return FlowResult.Failed.clientError("oie.error.activationLinkInvalid", 400); // no Okta call for what cannot be a token
        }
        if (activation == null) {
            return FlowResult.Failed.clientError("oie.error.activationLinkInvalid", 404);
        }
        if (throttles.linkOpened(client.address()) > config.activationMaxStartsPerAddress()) {
            LOG.info("oie-filter: activation links throttled for {0}", client.address());
            return new FlowResult.Failed("oie.error.rateLimited", (int) config.activationThrottleWindow().toSeconds());
        }
        return activation.link(token, client.address());
    }

    /** A password or code for the current authenticator. */
    public FlowResult answer(SignInState state, char[] passcode) {
        return viewOf(state) == SignInView.OKTA_VERIFY ? oktaVerify.code(state, passcode) : authenticators.answer(state, passcode);
    }

    /** A new password, typed twice (the second only checked here). */
    public FlowResult newPassword(SignInState state, char[] password, char[] confirmation) {
        return authenticators.newPassword(state, password, confirmation);
    }

    /** What the browser's WebAuthn returned: an attestation (set up) or an assertion (verify), base64url. */
    public FlowResult webAuthn(SignInState state, java.util.Map<String, String> credentials) {
        return webAuthnSteps.answer(state, credentials);
    }

    /** A security question answered, or set up (Okta's question by key, or {@code custom} with the person's own). */
    public FlowResult answerQuestion(SignInState state, String questionKey, String question, char[] answer) {
        return authenticators.answerQuestion(state, questionKey, question, answer);
    }

    /** The phone's method (sms, voice) and, when it is set up, its number: Okta then sends a code. */
    public FlowResult sendPhoneCode(SignInState state, String method, String phoneNumber) {
        return phone.send(state, method, phoneNumber);
    }

    public FlowResult select(SignInState state, String authenticatorId) {
        return authenticators.select(state, authenticatorId);
    }

    /** A new code, no sooner than the cooldown after the last one, once per cooldown however many ask at once. */
    public FlowResult resend(SignInState state) {
        return authenticators.resend(state);
    }

    /** Okta Verify: has the phone enrolled or answered the push? Asks Okta no sooner than its refresh interval allows. */
    public FlowResult pollOktaVerify(SignInState state) {
        return oktaVerify.poll(state);
    }

    /** Okta Verify set up by "qrcode", or a link by "email" or "sms" (sent to {@code to} when given). */
    public FlowResult oktaVerifyChannel(SignInState state, String channel, String to) {
        return to == null ? oktaVerify.channel(state, channel) : oktaVerify.sendLink(state, to);
    }

    /** Okta Verify again by "push" (another push) or "totp" (the code instead). */
    public FlowResult oktaVerifyMethod(SignInState state, String method) {
        return oktaVerify.method(state, method);
    }

    public FlowResult skip(SignInState state) {
        return authenticators.skip(state);
    }

    /** The sign-up form, when the org offers it and sign-up is not switched off. */
    public FlowResult signUp(SignInState state) {
        return signUp.signUp(state);
    }

    /** The sign-up form's values: required ones are checked here, the rest by Okta. */
    public FlowResult register(SignInState state, Map<String, String> values) {
        return register(state, values, Client.UNKNOWN);
    }

    public FlowResult register(SignInState state, Map<String, String> values, Client client) {
        return signUp.register(state, values, client.address());
    }

    public FlowResult forgotPassword(SignInState state) {
        return identifySteps.forgotPassword(state);
    }

    /** "I already have an account": from the sign-up form to the sign-in form (IDX select-identify). */
    public FlowResult identifyInstead(SignInState state) {
        return signUp.identifyInstead(state);
    }

    /** "Unlock account?": the self-service unlock form. */
    public FlowResult unlock(SignInState state) {
        return unlock.unlock(state);
    }

    /** The unlock form's answer. */
    public FlowResult unlockAccount(SignInState state, String identifier, String authenticatorId) {
        return unlock.unlockAccount(state, identifier, authenticatorId);
    }

    /** Start over: a new first page (Okta's transaction, if any, is left to expire). */
    public FlowResult restart(SignInState state) {
        return navigator.start();
    }

    /** Seconds until a new code may be asked for; 0 when it may be now. */
    public long secondsUntilResend(SignInState state) {
        return authenticators.secondsUntilResend(state);
    }

    /** Whether a sign-in holds as it is, with no renewal due: no network, no crypto. */
    public boolean fresh(OieAuthentication auth) {
        return lifetime.fresh(auth);
    }

    /**
     * The sign-in as it stands on this request: the same, renewed with the refresh token when its
     * tokens expired, or empty when it is over (tokens expired and not renewable, or past
     * {@code oie.signIn.maxAgeMinutes}).
     */
    public Optional<OieAuthentication> current(OieAuthentication auth) {
        return lifetime.current(auth);
    }

    /** The page for a sign-in: its step's, except that activations have their own pages. */
    public SignInView viewOf(SignInState state) {
        return navigator.viewOf(state);
    }

    /** What a page of this sign-in shows, in the filter's own words (no IDX type in it). */
    public PageContent pageOf(SignInState state, SignInView view) {
        return contents.of(state, view, secondsUntilResend(state));
    }
}
