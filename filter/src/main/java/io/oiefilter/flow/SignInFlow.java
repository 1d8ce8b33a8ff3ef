package io.oiefilter.flow;

import io.oiefilter.log.OieLog;
import com.nimbusds.jwt.JWTClaimsSet;
import io.oiefilter.activation.Activation;
import io.oiefilter.activation.ActivationEvent;
import io.oiefilter.activation.ActivationOutcome;
import io.oiefilter.activation.ActivationRequest;
import io.oiefilter.activation.ActivationStrategy;
import io.oiefilter.activation.CodeDeliveryException;
import io.oiefilter.activation.CodeSender;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxField;
import io.oiefilter.idx.IdxMessage;
import io.oiefilter.idx.IdxOption;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.idx.TokenSet;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.session.OieUser;
import io.oiefilter.token.InvalidIdTokenException;
import io.oiefilter.token.OidcProvider;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server-side interaction code flow, free of the servlet API: each call takes the sign-in the
 * session holds and returns what to do next. The web layer stores the state it gets back.
 */
public final class SignInFlow {
    /** The authenticator types this filter has pages for. */
    public static final Set<String> SUPPORTED_TYPES = Set.of("password", "email");
    private static final OieLog LOG = OieLog.of(SignInFlow.class);
    private static final int RATE_LIMIT_RETRY_SECONDS = 60;

    private final IdxPort idx;
    private final OidcProvider provider;
    private final OieConfig config;
    private final Activation activation;
    private final CodeSender codeSender;
    private final io.oiefilter.activation.AttemptStore attempts;
    private final Clock clock;
    /** How long a code the filter emailed itself stays good. */
    static final Duration LOCAL_CODE_LIFETIME = Duration.ofMinutes(10);

    /** A flow without activation (the {@code none} strategy) and with sign-ups counted in memory. */
    public SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config) {
        this(idx, provider, config, null, null, new io.oiefilter.activation.InMemoryAttemptStore());
    }

    /**
     * @param activation what to do after a failed identify; null for none
     * @param codeSender emails activation codes itself where the org offers no email authenticator; may be null
     * @param attempts   counts sign-ups per client address (the store activation throttles use, too)
     */
    public SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config, Activation activation, CodeSender codeSender,
                      io.oiefilter.activation.AttemptStore attempts) {
        this(idx, provider, config, activation, codeSender, attempts, Clock.systemUTC());
    }

    SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config, Activation activation, CodeSender codeSender,
               io.oiefilter.activation.AttemptStore attempts, Clock clock) {
        this.idx = idx;
        this.provider = provider;
        this.config = config;
        this.activation = activation != null && activation.enabled() ? activation : null;
        this.codeSender = codeSender;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Who is signing in, as far as the filter can tell: for throttles and strategies. */
    public record Client(String address, Locale locale) {
        /** For callers with no request at hand (tests, batch tools). */
        public static final Client UNKNOWN = new Client("unknown", Locale.ROOT);
    }

    /** A new transaction, at its first page. */
    public FlowResult start() {
        try {
            return next(SignInState.of(null), idx.begin(), null);
        } catch (IdxException e) {
            return failed("begin", e);
        }
    }

    /** Shows the current page again (GET after a redirect, or a second tab joining). */
    public FlowResult show(SignInState state) {
        return page(state, List.of());
    }

    public FlowResult identify(SignInState state, String identifier, char[] password) {
        return identify(state, identifier, password, Client.UNKNOWN);
    }

    public FlowResult identify(SignInState state, String identifier, char[] password, Client client) {
        if (identifier == null || identifier.isBlank()) {
            return page(state, List.of("oie.error.identifierRequired"));
        }
        String id = identifier.trim();
        boolean needsPassword = state.transaction().step().remediation("identify").map(r -> r.hasField("credentials")).orElse(false);
        if (needsPassword && empty(password)) {
            return page(state.withIdentifier(id), List.of("oie.error.passwordRequired"));
        }
        SignInState s = state.withIdentifier(id);
        IdxTransaction tx = s.transaction();
        try {
            return next(s, tx, idx.identify(tx, id, needsPassword ? password : null));
        } catch (IdxException e) {
            SignInState current = e.current() != null ? s.with(tx.withStep(e.current())) : s;
            if (e.kind() == IdxException.Kind.REJECTED && activation != null
                    && tx.step().remediation("identify").isPresent()) {
                return afterFailedIdentify(current, new ActivationRequest(id, client.locale(), client.address()));
            }
            return refused(current, e, "oie.error.signInFailed");
        }
    }

    /**
     * Identify failed: let the strategy find out why. Whatever it finds, the person sees the same
     * page (unless the operator opted out), so the page tells nothing about the account.
     */
    private FlowResult afterFailedIdentify(SignInState state, ActivationRequest request) {
        ActivationOutcome outcome = activation.afterIdentifyFailed(request);
        if (outcome.kind() == ActivationOutcome.Kind.ACTIVATION_TOKEN) {
            Optional<FlowResult> started = startActivation(state, request, outcome);
            if (started.isPresent()) {
                return started.get();
            }
        } else if (outcome.kind() == ActivationOutcome.Kind.NOT_APPLICABLE && activation.revealStatus()) {
            return page(state, List.of("oie.error.signInFailed"));
        }
        SignInState uniform = state.withActivation(SignInState.ActivationStage.UNIFORM).withCodeSentAt(clock.instant());
        return new FlowResult.Page(uniform, viewOf(uniform), List.of());
    }

    /** IDX with the activation token, then the email authenticator first, so Okta emails a code. */
    private Optional<FlowResult> startActivation(SignInState state, ActivationRequest request, ActivationOutcome outcome) {
        IdxTransaction tx;
        try {
            tx = idx.beginActivation(outcome.activationToken());
        } catch (IdxException e) {
            activation.event(ActivationEvent.Type.REFUSED, request, "IDX did not take the activation token: " + e.kind());
            return Optional.empty();
        }
        Optional<IdxOption> email = tx.step().remediation("select-authenticator-enroll").stream()
                .flatMap(r -> r.options().stream()).filter(o -> "email".equals(o.type())).findFirst();
        if (email.isEmpty()) {
            if (codeSender != null && outcome.email() != null) {
                return sendOwnCode(tx, request, outcome.email());
            }
            // Without an email code, knowing a login would be enough to take over the account.
            activation.event(ActivationEvent.Type.REFUSED, request, "the enrollment policy offers no email authenticator "
                    + "(offered: " + tx.step().remediationNames() + "); allow email enrollment for these users, or "
                    + "configure oie.activation.smtp.* so that the filter emails a code itself");
            return Optional.empty();
        }
        try {
            IdxStep code = idx.select(tx, email.get().authenticatorId());
            activation.event(ActivationEvent.Type.STARTED, request, "email code sent by Okta");
            SignInState started = new SignInState(tx.withStep(code), request.login(), clock.instant(),
                    SignInState.ActivationStage.STARTED, 0, null);
            return Optional.of(page(started, List.of()));
        } catch (IdxException e) {
            activation.event(ActivationEvent.Type.REFUSED, request, "email enrollment failed: " + e.kind());
            return Optional.empty();
        }
    }

    /** The org sends no code: the filter emails one itself before activation goes on in IDX. */
    private Optional<FlowResult> sendOwnCode(IdxTransaction tx, ActivationRequest request, String email) {
        LocalCode.Issued issued = LocalCode.issue(email);
        try {
            codeSender.send(email, issued.code(), request.locale());
        } catch (CodeDeliveryException e) {
            activation.event(ActivationEvent.Type.REFUSED, request, "the activation code could not be sent: " + e.getMessage());
            return Optional.empty();
        }
        activation.event(ActivationEvent.Type.STARTED, request, "activation code sent by the filter");
        SignInState started = new SignInState(tx, request.login(), clock.instant(), SignInState.ActivationStage.STARTED, 0,
                issued.record());
        return Optional.of(page(started, List.of()));
    }

    /** {@code /activate?token=…}: an activation link from Okta's email, continued on the app's pages. */
    public FlowResult activateWithLink(String token, Client client) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return new FlowResult.Failed("oie.error.activationLinkInvalid", 0);
        }
        try {
            IdxTransaction tx = idx.beginActivation(token.trim());
            if (activation != null) {
                activation.event(new ActivationEvent(ActivationEvent.Type.STARTED, null, client.address(), "activation link"));
            }
            return next(SignInState.of(tx).withActivation(SignInState.ActivationStage.STARTED), tx, null);
        } catch (IdxException e) {
            return e.kind() == IdxException.Kind.REJECTED ? new FlowResult.Failed("oie.error.activationLinkInvalid", 0)
                    : failed("activation link", e);
        }
    }

    /** A password or code for the current authenticator. */
    public FlowResult answer(SignInState state, char[] passcode) {
        SignInView view = viewOf(state);
        boolean code = view == SignInView.CODE || view == SignInView.ACTIVATION_CODE;
        if (empty(passcode)) {
            return page(state, List.of(code ? "oie.error.codeRequired" : "oie.error.passwordRequired"));
        }
        if (view == SignInView.ACTIVATION_CODE) {
            return activationCode(state, passcode);
        }
        return call(state, code ? "oie.error.codeInvalid" : "oie.error.passwordIncorrect", tx -> idx.answer(tx, passcode));
    }

    /** At most {@code oie.activation.maxWrongCodes} wrong codes, then the sign-in starts over. */
    private FlowResult activationCode(SignInState state, char[] passcode) {
        LocalCode local = state.localCode();
        if (local != null) {
            boolean fresh = clock.instant().isBefore(state.codeSentAt().plus(LOCAL_CODE_LIFETIME));
            if (fresh && local.matches(passcode)) {
                return next(state.withLocalCode(null), state.transaction(), null); // the address is proven: on to IDX
            }
        } else if (state.activation() == SignInState.ActivationStage.STARTED) {
            IdxTransaction tx = state.transaction();
            try {
                return next(state, tx, idx.answer(tx, passcode));
            } catch (IdxException e) {
                if (e.kind() != IdxException.Kind.REJECTED) {
                    return refused(state, e, "oie.error.codeInvalid");
                }
                state = e.current() != null ? state.with(tx.withStep(e.current())) : state;
            }
        }
        SignInState wrong = state.withWrongCode();
        if (wrong.wrongCodes() >= maxWrongCodes()) {
            FlowResult fresh = restart(wrong);
            return fresh instanceof FlowResult.Page p ? new FlowResult.Page(p.state(), p.view(), List.of("oie.error.tooManyCodes")) : fresh;
        }
        return new FlowResult.Page(wrong, SignInView.ACTIVATION_CODE, List.of("oie.error.codeInvalid"));
    }

    private int maxWrongCodes() {
        return activation != null ? activation.maxWrongCodes() : config.activationMaxWrongCodes();
    }

    /** A new password, typed twice (the second only checked here). */
    public FlowResult newPassword(SignInState state, char[] password, char[] confirmation) {
        if (empty(password)) {
            return page(state, List.of("oie.error.passwordRequired"));
        }
        if (!Arrays.equals(password, confirmation)) {
            return page(state, List.of("oie.error.passwordsDiffer"));
        }
        return call(state, "oie.error.passwordRejected", tx -> idx.answer(tx, password));
    }

    public FlowResult select(SignInState state, String authenticatorId) {
        boolean offered = selectRemediation(state.transaction().step())
                .map(r -> r.options().stream().anyMatch(o -> o.authenticatorId().equals(authenticatorId))).orElse(false);
        if (!offered) {
            return page(state, List.of("oie.error.chooseAuthenticator"));
        }
        return call(state, "oie.error.stepRefused", tx -> idx.select(tx, authenticatorId));
    }

    /** A new code, no sooner than the cooldown after the last one. */
    public FlowResult resend(SignInState state) {
        long wait = secondsUntilResend(state);
        if (wait > 0) {
            return page(state, List.of("oie.error.resendTooSoon"));
        }
        if (state.localCode() != null) {
            LocalCode.Issued issued = LocalCode.issue(state.localCode().email());
            try {
                codeSender.send(issued.record().email(), issued.code(), Locale.ROOT);
            } catch (CodeDeliveryException e) {
                LOG.warn("oie-filter: activation code not sent again: {0}", e.getMessage());
                return page(state, List.of("oie.error.stepRefused"));
            }
            return new FlowResult.Page(state.withLocalCode(issued.record()).withCodeSentAt(clock.instant()),
                    SignInView.ACTIVATION_CODE, List.of("oie.info.codeResent"));
        }
        if (state.activation() == SignInState.ActivationStage.UNIFORM) {
            // As if a code had been sent again; there is no account awaiting one.
            return new FlowResult.Page(state.withCodeSentAt(clock.instant()), SignInView.ACTIVATION_CODE, List.of("oie.info.codeResent"));
        }
        FlowResult r = call(state, "oie.error.stepRefused", idx::resend);
        if (r instanceof FlowResult.Page p && p.messageKeys().isEmpty()) {
            return new FlowResult.Page(p.state().withCodeSentAt(clock.instant()), p.view(), List.of("oie.info.codeResent"));
        }
        return r;
    }

    public FlowResult skip(SignInState state) {
        return call(state, "oie.error.stepRefused", idx::skip);
    }

    /** The sign-up form, when the org offers it and sign-up is not switched off. */
    public FlowResult signUp(SignInState state) {
        if (!config.signUpEnabled() || state.transaction().step().remediation("select-enroll-profile").isEmpty()) {
            return page(state, List.of("oie.error.signUpUnavailable"));
        }
        return call(state, "oie.error.stepRefused", idx::selectEnrollProfile);
    }

    /** The sign-up form's values: required ones are checked here, the rest by Okta. */
    public FlowResult register(SignInState state, Map<String, String> values) {
        return register(state, values, Client.UNKNOWN);
    }

    public FlowResult register(SignInState state, Map<String, String> values, Client client) {
        Optional<IdxRemediation> form = state.transaction().step().remediation("enroll-profile");
        if (form.isEmpty() || !config.signUpEnabled()) {
            return page(state, List.of("oie.error.signUpUnavailable"));
        }
        if (attempts.hit("signup:" + client.address(), Duration.ofHours(1)) > config.signUpMaxPerAddress()) {
            LOG.info("oie-filter: sign-up throttled for {0}", client.address());
            return page(state, List.of("oie.error.signUpThrottled"));
        }
        Map<String, String> profile = new LinkedHashMap<>();
        for (IdxField f : profileFields(form.get())) {
            String v = values.getOrDefault(f.name(), "").trim();
            if (v.isEmpty() && f.required()) {
                return page(state, List.of("oie.error.signUpFieldsRequired"));
            }
            if (!v.isEmpty()) {
                profile.put(f.name(), v.length() > 256 ? v.substring(0, 256) : v);
            }
        }
        SignInState s = state.withIdentifier(profile.get("email"));
        IdxTransaction tx = s.transaction();
        try {
            return next(s, tx, idx.enrollProfile(tx, profile));
        } catch (IdxException e) {
            if (e.kind() != IdxException.Kind.REJECTED) {
                return refused(s, e, "oie.error.signUpRejected");
            }
            SignInState current = e.current() != null ? s.with(tx.withStep(e.current())) : s;
            return new FlowResult.Page(current, viewOf(current), List.of("oie.error.signUpRejected"),
                    messagesByField(e.messages(), profileFields(form.get())));
        }
    }

    /**
     * okta-idx-java 2.0.0 keeps the text of Okta's field errors but not which field they were on;
     * Okta names the field by its label ("'Email' must be…", "A user with this Email…").
     */
    static Map<String, List<String>> messagesByField(List<IdxMessage> messages,
                                                             List<IdxField> fields) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (IdxMessage m : messages) {
            String text = m.text() == null ? "" : m.text().toLowerCase(Locale.ROOT);
            fields.stream().filter(f -> f.label() != null && !f.label().isBlank()
                            && text.contains(f.label().toLowerCase(Locale.ROOT)))
                    .max(Comparator.comparingInt(f -> f.label().length())) // "Email" in "Secondary email" loses
                    .ifPresent(f -> out.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(m.text()));
        }
        return out;
    }

    /** The attributes an enroll-profile form asks for (the fields of its userProfile object). */
    public static List<IdxField> profileFields(IdxRemediation enrollProfile) {
        return enrollProfile.fields().stream().filter(f -> f.name().equals("userProfile")).findFirst()
                .map(IdxField::form).orElse(List.of());
    }

    public FlowResult forgotPassword(SignInState state) {
        return call(state, "oie.error.stepRefused", idx::recover);
    }

    /** Start over: cancel inside Okta's transaction, or a new one if that is gone. */
    public FlowResult restart(SignInState state) {
        if (state == null) {
            return start();
        }
        try {
            IdxTransaction tx = state.transaction();
            return next(SignInState.of(tx), tx, idx.cancel(tx));
        } catch (IdxException e) {
            return start();
        }
    }

    /** Seconds until a new code may be asked for; 0 when it may be now. */
    public long secondsUntilResend(SignInState state) {
        if (state.codeSentAt() == null) {
            return 0;
        }
        long left = Duration.between(clock.instant(), state.codeSentAt().plus(config.resendCooldown())).toSeconds();
        return Math.max(0, left);
    }

    @FunctionalInterface
    private interface Step {
        IdxStep run(IdxTransaction tx) throws IdxException;
    }

    /** Runs one step; a refusal shows the same page with {@code refusalKey}. */
    private FlowResult call(SignInState state, String refusalKey, Step step) {
        IdxTransaction tx = state.transaction();
        try {
            return next(state, tx, step.run(tx));
        } catch (IdxException e) {
            return refused(e.current() != null ? state.with(tx.withStep(e.current())) : state, e, refusalKey);
        }
    }

    private FlowResult refused(SignInState state, IdxException e, String refusalKey) {
        return switch (e.kind()) {
            case REJECTED -> page(state, List.of(refusalKey));
            case SESSION_EXPIRED -> expired();
            default -> failed("step", e);
        };
    }

    /** Goes on from a new step: tokens when it succeeded, an automatic choice when there is one, else its page. */
    private FlowResult next(SignInState before, IdxTransaction tx, IdxStep step) {
        IdxTransaction current = step == null ? tx : tx.withStep(step);
        SignInState state = before.with(current);
        if (current.step().succeeded()) {
            return complete(state, current);
        }
        SignInView view = viewFor(current.step());
        Optional<IdxRemediation> select = selectRemediation(current.step());
        if (select.isPresent() && view == SignInView.SELECT) {
            List<IdxOption> options = supportedOptions(select.get());
            boolean onlyChoice = options.size() == 1 && (select.get().name().equals("select-authenticator-authenticate")
                    || current.step().remediation("skip").isEmpty());
            if (onlyChoice) {
                // One possible authenticator: choose it, as a person would have to anyway.
                return call(state, "oie.error.stepRefused", t -> idx.select(t, options.get(0).authenticatorId()));
            }
        }
        boolean wasCode = before.transaction() != null && before.transaction().step() != null
                && viewFor(before.transaction().step()) == SignInView.CODE;
        if (view == SignInView.CODE && !wasCode) {
            state = state.withCodeSentAt(clock.instant()); // entering a code page means Okta just sent one
        }
        return page(state, List.of());
    }

    private FlowResult expired() {
        FlowResult fresh = start();
        if (fresh instanceof FlowResult.Page p) {
            return new FlowResult.Page(p.state(), p.view(), List.of("oie.error.sessionExpired"));
        }
        return fresh;
    }

    private FlowResult page(SignInState state, List<String> messages) {
        IdxStep step = state.transaction().step();
        SignInView view = viewOf(state);
        if (view == SignInView.UNSUPPORTED) {
            LOG.warn("oie-filter: Okta asks for a step this filter does not handle: {0} ({1})",
                    step.remediationNames(), step.currentType());
        }
        return new FlowResult.Page(state, view, messages);
    }

    /** The page for a sign-in: its step's, except that activations have their own code page. */
    public SignInView viewOf(SignInState state) {
        if (state.localCode() != null) {
            return SignInView.ACTIVATION_CODE;
        }
        if (state.activation() == SignInState.ActivationStage.UNIFORM) {
            return activation != null && activation.delivery() == ActivationStrategy.Delivery.LINK
                    ? SignInView.ACTIVATION_EMAIL : SignInView.ACTIVATION_CODE;
        }
        SignInView view = viewFor(state.transaction().step());
        return state.activation() == SignInState.ActivationStage.STARTED && view == SignInView.CODE ? SignInView.ACTIVATION_CODE : view;
    }

    /** The page for a step, from the remediation Okta leads with and the authenticator it is about. */
    public static SignInView viewFor(IdxStep step) {
        Optional<IdxRemediation> first = step.first();
        if (first.isEmpty()) {
            return SignInView.UNSUPPORTED;
        }
        String type = step.currentType();
        return switch (first.get().name()) {
            case "identify", "identify-recovery" -> SignInView.IDENTIFY;
            case "enroll-profile" -> SignInView.SIGN_UP;
            case "challenge-authenticator" -> "password".equals(type) ? SignInView.PASSWORD
                    : "email".equals(type) ? SignInView.CODE : SignInView.UNSUPPORTED;
            case "enroll-authenticator" -> "password".equals(type) ? SignInView.NEW_PASSWORD
                    : "email".equals(type) ? SignInView.CODE : SignInView.UNSUPPORTED;
            case "reset-authenticator", "reenroll-authenticator" -> "password".equals(type) ? SignInView.NEW_PASSWORD
                    : SignInView.UNSUPPORTED;
            case "select-authenticator-authenticate", "select-authenticator-enroll" ->
                    supportedOptions(first.get()).isEmpty() && step.remediation("skip").isEmpty()
                            ? SignInView.UNSUPPORTED : SignInView.SELECT;
            default -> SignInView.UNSUPPORTED;
        };
    }

    public static Optional<IdxRemediation> selectRemediation(IdxStep step) {
        return step.remediation("select-authenticator-authenticate").or(() -> step.remediation("select-authenticator-enroll"));
    }

    /** The options of a select remediation that this filter has pages for. */
    public static List<IdxOption> supportedOptions(IdxRemediation select) {
        List<IdxOption> out = new ArrayList<>();
        for (IdxOption o : select.options()) {
            if (o.type() != null && SUPPORTED_TYPES.contains(o.type())) { // a phone option's type is a choice, not a value
                out.add(o);
            }
        }
        return out;
    }

    private FlowResult complete(SignInState state, IdxTransaction tx) {
        TokenSet tokens;
        try {
            tokens = idx.redeem(tx);
        } catch (IdxException e) {
            return failed("token", e);
        }
        JWTClaimsSet claims;
        try {
            claims = provider.idTokenValidator().validate(tokens.idToken(), tx.nonce());
        } catch (IOException e) {
            LOG.warn("oie-filter: cannot read the issuer''s metadata or keys: {0}", e.getMessage());
            return new FlowResult.Failed("oie.error.unavailable", 0);
        } catch (InvalidIdTokenException e) {
            LOG.warn("oie-filter: sign-in refused, {0}", e.getMessage());
            return new FlowResult.Failed("oie.error.invalidToken", 0);
        }
        OieUser user = userFrom(claims);
        if (state.activation() == SignInState.ActivationStage.STARTED && activation != null) {
            activation.event(new ActivationEvent(ActivationEvent.Type.COMPLETED, user.getName(), null, "signed in"));
        }
        return new FlowResult.SignedIn(new OieAuthentication(user, tokens, clock.instant()));
    }

    OieUser userFrom(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        String name = stringClaim(claims, config.principalClaim());
        if (name == null) {
            name = subject;
        }
        String display = stringClaim(claims, "name");
        List<String> groups = new ArrayList<>();
        Object g = claims.getClaim(config.groupsClaim());
        if (g instanceof List<?> list) {
            list.forEach(x -> { if (x != null) groups.add(String.valueOf(x)); });
        } else if (g instanceof String s) {
            groups.add(s);
        }
        return new OieUser(name, subject, display != null ? display : name, stringClaim(claims, "email"), groups,
                claims.toString());
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v == null ? null : String.valueOf(v);
    }

    private static boolean empty(char[] secret) {
        return secret == null || secret.length == 0;
    }

    private FlowResult failed(String where, IdxException e) {
        // One line with the cause; never a stack trace.
        LOG.warn("oie-filter: sign-in {0} failed ({1}): {2}", where, e.kind(), e.getMessage());
        return switch (e.kind()) {
            case RATE_LIMITED -> new FlowResult.Failed("oie.error.rateLimited", RATE_LIMIT_RETRY_SECONDS);
            case SESSION_EXPIRED -> new FlowResult.Failed("oie.error.sessionExpired", 0);
            default -> new FlowResult.Failed("oie.error.unavailable", 0);
        };
    }
}
