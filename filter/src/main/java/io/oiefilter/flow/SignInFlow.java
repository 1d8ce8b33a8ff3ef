package io.oiefilter.flow;

import com.nimbusds.jwt.JWTClaimsSet;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server-side interaction code flow, free of the servlet API: each call takes the sign-in the
 * session holds and returns what to do next. The web layer stores the state it gets back.
 */
public final class SignInFlow {
    /** The authenticator types this filter has pages for. */
    public static final Set<String> SUPPORTED_TYPES = Set.of("password", "email");
    private static final System.Logger LOG = System.getLogger(SignInFlow.class.getName());
    private static final int RATE_LIMIT_RETRY_SECONDS = 60;

    private final IdxPort idx;
    private final OidcProvider provider;
    private final OieConfig config;
    private final Clock clock;

    public SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config) {
        this(idx, provider, config, Clock.systemUTC());
    }

    SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config, Clock clock) {
        this.idx = idx;
        this.provider = provider;
        this.config = config;
        this.clock = clock;
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
        if (identifier == null || identifier.isBlank()) {
            return page(state, List.of("oie.error.identifierRequired"));
        }
        String id = identifier.trim();
        boolean needsPassword = state.transaction().step().remediation("identify").map(r -> r.hasField("credentials")).orElse(false);
        if (needsPassword && empty(password)) {
            return page(state.withIdentifier(id), List.of("oie.error.passwordRequired"));
        }
        SignInState s = state.withIdentifier(id);
        return call(s, "oie.error.signInFailed", tx -> idx.identify(tx, id, needsPassword ? password : null));
    }

    /** A password or code for the current authenticator. */
    public FlowResult answer(SignInState state, char[] passcode) {
        SignInView view = viewFor(state.transaction().step());
        if (empty(passcode)) {
            return page(state, List.of(view == SignInView.CODE ? "oie.error.codeRequired" : "oie.error.passwordRequired"));
        }
        String refusal = view == SignInView.CODE ? "oie.error.codeInvalid" : "oie.error.passwordIncorrect";
        return call(state, refusal, tx -> idx.answer(tx, passcode));
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
        FlowResult r = call(state, "oie.error.stepRefused", idx::resend);
        if (r instanceof FlowResult.Page p && p.messageKeys().isEmpty()) {
            return new FlowResult.Page(p.state().withCodeSentAt(clock.instant()), p.view(), List.of("oie.info.codeResent"));
        }
        return r;
    }

    public FlowResult skip(SignInState state) {
        return call(state, "oie.error.stepRefused", idx::skip);
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
            return switch (e.kind()) {
                case REJECTED -> page(e.current() != null ? state.with(tx.withStep(e.current())) : state, List.of(refusalKey));
                case SESSION_EXPIRED -> expired();
                default -> failed("step", e);
            };
        }
    }

    /** Goes on from a new step: tokens when it succeeded, an automatic choice when there is one, else its page. */
    private FlowResult next(SignInState before, IdxTransaction tx, IdxStep step) {
        IdxTransaction current = step == null ? tx : tx.withStep(step);
        SignInState state = before.with(current);
        if (current.step().succeeded()) {
            return complete(current);
        }
        Optional<IdxRemediation> select = selectRemediation(current.step());
        if (select.isPresent() && viewFor(current.step()) == SignInView.SELECT) {
            List<IdxOption> options = supportedOptions(select.get());
            boolean onlyChoice = options.size() == 1 && (select.get().name().equals("select-authenticator-authenticate")
                    || current.step().remediation("skip").isEmpty());
            if (onlyChoice) {
                // One possible authenticator: choose it, as a person would have to anyway.
                return call(state, "oie.error.stepRefused", t -> idx.select(t, options.get(0).authenticatorId()));
            }
        }
        SignInView view = viewFor(current.step());
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
        SignInView view = viewFor(step);
        if (view == SignInView.UNSUPPORTED) {
            LOG.log(System.Logger.Level.WARNING, "oie-filter: Okta asks for a step this filter does not handle: {0} ({1})",
                    step.remediationNames(), step.currentType());
        }
        return new FlowResult.Page(state, view, messages);
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

    private FlowResult complete(IdxTransaction tx) {
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
            LOG.log(System.Logger.Level.WARNING, "oie-filter: cannot read the issuer''s metadata or keys: {0}", e.getMessage());
            return new FlowResult.Failed("oie.error.unavailable", 0);
        } catch (InvalidIdTokenException e) {
            LOG.log(System.Logger.Level.WARNING, "oie-filter: sign-in refused, {0}", e.getMessage());
            return new FlowResult.Failed("oie.error.invalidToken", 0);
        }
        return new FlowResult.SignedIn(new OieAuthentication(userFrom(claims), tokens, clock.instant()));
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
        LOG.log(System.Logger.Level.WARNING, "oie-filter: sign-in {0} failed ({1}): {2}", where, e.kind(), e.getMessage());
        return switch (e.kind()) {
            case RATE_LIMITED -> new FlowResult.Failed("oie.error.rateLimited", RATE_LIMIT_RETRY_SECONDS);
            case SESSION_EXPIRED -> new FlowResult.Failed("oie.error.sessionExpired", 0);
            default -> new FlowResult.Failed("oie.error.unavailable", 0);
        };
    }
}
