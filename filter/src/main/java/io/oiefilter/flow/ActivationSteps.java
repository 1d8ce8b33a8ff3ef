package io.oiefilter.flow;

import io.oiefilter.activation.Activation;
import io.oiefilter.activation.ActivationEvent;
import io.oiefilter.activation.ActivationRequest;
import io.oiefilter.activation.CodeDeliveryException;
import io.oiefilter.activation.CodeSender;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.log.OieLog;
import io.oiefilter.mgmt.ManagementException;
import io.oiefilter.mgmt.ManagementPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The activation pages after a failed identify. What a person can observe (page, status, what each
 * action answers, how long it takes) is the same whatever the account is: the activation work runs
 * in the background ({@link PendingActivations}); a code is checked by Okta for a real activation
 * and answered after a real check's time for any other ({@link ResponsePacer}); the wrong-code
 * limit, the resend cooldown and the page's deadline hold alike for both.
 */
final class ActivationSteps {
    private static final OieLog LOG = OieLog.of(ActivationSteps.class);
    /** When Okta did not say how long its transaction lives. */
    static final Duration DEFAULT_PAGE_LIFETIME = Duration.ofMinutes(30);
    /** The page closes this long before Okta's transaction does: our clock and Okta's may differ a little. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);
    /** How long a code the filter emailed itself stays good. */
    static final Duration LOCAL_CODE_LIFETIME = Duration.ofMinutes(10);

    private final IdxPort idx;
    private final Activation activation;
    private final ActivationStarter starter;
    private final PendingActivations pending;
    private final StepNavigator navigator;
    private final FlowThrottles throttles;
    private final ResponsePacer pacer;
    private final CodeSender codeSender;
    private final Executor background;
    private final OieConfig config;
    private final Clock clock;

    ActivationSteps(IdxPort idx, Activation activation, CodeSender codeSender, PendingActivations pending, StepNavigator navigator,
                    FlowThrottles throttles, ResponsePacer pacer, Executor background, OieConfig config, Clock clock) {
        this.idx = idx;
        this.activation = activation;
        this.starter = new ActivationStarter(idx, activation, codeSender);
        this.pending = pending;
        this.navigator = navigator;
        this.throttles = throttles;
        this.pacer = pacer;
        this.codeSender = codeSender;
        this.background = background;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Identify failed: the same page for every account (unless the operator opted out), while the
     * strategy finds out in the background whether this one awaits activation.
     */
    FlowResult afterFailedIdentify(SignInState state, ActivationRequest request) {
        Instant now = clock.instant();
        Instant okta = state.transaction().step().expiresAt();
        Instant until = okta != null && okta.minus(CLOCK_MARGIN).isAfter(now) ? okta.minus(CLOCK_MARGIN) : now.plus(DEFAULT_PAGE_LIFETIME);
        SignInState page = state.activationPage(now, until);
        if (activation.revealStatus()) {
            // The operator chose to tell inactive accounts apart: no need to hide the work.
            ActivationStart s = starter.start(request);
            if (!s.started()) {
                return navigator.page(state, List.of("oie.error.signInFailed"));
            }
            throttles.codeSent(page.flowId());
            return navigator.page(page.activationStarted(s.transaction(), s.proof()), List.of());
        }
        pending.submit(page.flowId(), until, () -> starter.start(request));
        throttles.codeSent(page.flowId());
        return navigator.page(page, List.of());
    }

    /** A code typed on the activation page; at most {@code oie.activation.maxWrongCodes}, then the sign-in starts over. */
    FlowResult code(SignInState state, char[] passcode) {
        if (state.deadline() != null && clock.instant().isAfter(state.deadline())) {
            return navigator.expired();
        }
        int attempt = throttles.codeAttempt(state.flowId());
        if (attempt > activation.maxWrongCodes()) {
            return navigator.startOver("oie.error.tooManyCodes");
        }
        SignInState s = joined(state);
        long checking = System.nanoTime();
        if (s.activation() == SignInState.ActivationStage.STARTED && s.proof() == null) {
            IdxTransaction tx = s.transaction();
            try {
                return navigator.next(s, tx, idx.answer(tx, passcode)); // Okta's code: the address is proven
            } catch (IdxException e) {
                if (e.kind() != IdxException.Kind.REJECTED && e.kind() != IdxException.Kind.SESSION_EXPIRED) {
                    return navigator.refused(s, e, "oie.error.codeInvalid");
                }
                // An Okta transaction gone before the page's deadline is answered as any wrong code: a
                // page of no activation cannot know Okta's clock, so neither may this one show it.
                pacer.recordSince(ResponsePacer.Operation.CODE_CHECK, checking);
                s = e.current() != null ? s.with(tx.withStep(e.current())) : s;
            }
        } else {
            if (proven(s, passcode)) {
                return navigator.next(s.withProof(null), s.transaction(), null); // on to IDX, the address proven
            }
            pacer.padAsIf(ResponsePacer.Operation.CODE_CHECK, checking);
        }
        if (attempt >= activation.maxWrongCodes()) {
            return navigator.startOver("oie.error.tooManyCodes");
        }
        return new FlowResult.Page(s, SignInView.ACTIVATION_CODE, List.of("oie.error.codeInvalid"));
    }

    /** Whether the code proves the address, for proofs the filter checks (none: no code ever matches). */
    private boolean proven(SignInState s, char[] passcode) {
        if (s.proof() instanceof LocalCode local) {
            return clock.instant().isBefore(s.codeSentAt().plus(LOCAL_CODE_LIFETIME)) && local.matches(passcode);
        }
        if (s.proof() instanceof FactorChallenge factor && activation.management() != null) {
            try {
                return activation.management().verifyEmailFactor(factor.userId(), factor.factorId(), passcode);
            } catch (ManagementException e) {
                LOG.warn("oie-filter: the email factor could not be verified: {0}", e.getMessage());
            }
        }
        return false;
    }

    /** A new code, once per cooldown whatever the concurrency; the same answer for every account. */
    FlowResult resend(SignInState state) {
        if (!throttles.claimResend(state.flowId())) {
            return new FlowResult.Page(state, SignInView.ACTIVATION_CODE, List.of("oie.error.resendTooSoon"));
        }
        SignInState s = joined(state);
        long sending = System.nanoTime();
        if (s.activation() == SignInState.ActivationStage.STARTED && s.proof() == null) {
            try {
                IdxTransaction tx = s.transaction();
                s = s.with(tx.withStep(idx.resend(tx)));
                pacer.recordSince(ResponsePacer.Operation.RESEND, sending);
            } catch (IdxException e) {
                LOG.warn("oie-filter: activation code not sent again: {0}", e.getMessage());
            }
        } else {
            s = sendAgain(s);
            pacer.padAsIf(ResponsePacer.Operation.RESEND, sending);
        }
        return new FlowResult.Page(s.withCodeSentAt(clock.instant()), SignInView.ACTIVATION_CODE, List.of("oie.info.codeResent"));
    }

    /** A new code for proofs the filter handles, sent off the request thread; nothing for no activation. */
    private SignInState sendAgain(SignInState s) {
        if (s.proof() instanceof LocalCode local && codeSender != null) {
            LocalCode.Issued issued = LocalCode.issue(local.email());
            background.execute(() -> {
                try {
                    codeSender.send(local.email(), issued.code(), Locale.ROOT);
                } catch (CodeDeliveryException e) {
                    LOG.warn("oie-filter: activation code not sent again: {0}", e.getMessage());
                }
            });
            return s.withProof(issued.record());
        }
        if (s.proof() instanceof FactorChallenge factor) {
            ManagementPort management = activation.management();
            background.execute(() -> {
                try {
                    management.challengeEmailFactor(factor.userId(), factor.factorId());
                } catch (ManagementException | RuntimeException e) {
                    LOG.warn("oie-filter: activation code not sent again: {0}", e.getMessage());
                }
            });
        }
        return s;
    }

    /** The state with the background start joined, while it is not known yet whether one started. */
    private SignInState joined(SignInState state) {
        if (state.activation() != SignInState.ActivationStage.UNIFORM) {
            return state;
        }
        Optional<ActivationStart> s = pending.await(state.flowId(), config.httpTimeout().multipliedBy(3));
        return s.filter(ActivationStart::started).map(a -> state.activationStarted(a.transaction(), a.proof())).orElse(state);
    }

    /** {@code /activate?token=…}: an activation link from Okta's email, continued on the app's pages. */
    FlowResult link(String token, String clientAddress) {
        try {
            IdxTransaction tx = idx.beginActivation(token);
            activation.event(new ActivationEvent(ActivationEvent.Type.STARTED, null, clientAddress, "activation link"));
            return navigator.next(SignInState.activationLink(), tx, null);
        } catch (IdxException e) {
            if (e.kind() == IdxException.Kind.REJECTED) {
                LOG.info("oie-filter: an activation link was refused by Okta (used, expired or unknown) from {0}", clientAddress);
                return FlowResult.Failed.clientError("oie.error.activationLinkInvalid", 410);
            }
            return OktaFailures.page("activation link", e);
        }
    }

    void completed(String user) {
        activation.event(new ActivationEvent(ActivationEvent.Type.COMPLETED, user, null, "signed in"));
    }
}
