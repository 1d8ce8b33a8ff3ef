package io.oiefilter.flow;

import io.oiefilter.activation.ActivationStrategy;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxMessage;
import io.oiefilter.idx.IdxOption;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.log.OieLog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a sign-in goes after each answer from Okta: tokens when it succeeded, an automatic choice
 * when there is only one, the page of the step otherwise; the same page with a message when a step
 * was refused; a new start when the transaction is gone.
 */
final class StepNavigator {
    private static final OieLog LOG = OieLog.of(StepNavigator.class);
    private static final IdxStep NO_STEP = new IdxStep(null, List.of(), null, null, null, null, List.of());

    @FunctionalInterface
    interface Step {
        IdxStep run(IdxTransaction tx) throws IdxException;
    }

    /** Told when a sign-in that was an activation ends signed in. */
    @FunctionalInterface
    interface Completed {
        void activationCompleted(String user);
    }

    private final IdxPort idx;
    private final SignInCompletion completion;
    private final SignInTemplate template;
    private final FlowThrottles throttles;
    private final ResponsePacer pacer;
    private final ActivationStrategy.Delivery activationDelivery;
    private final Completed completed;
    private final Clock clock;

    StepNavigator(IdxPort idx, SignInCompletion completion, SignInTemplate template, FlowThrottles throttles, ResponsePacer pacer,
                  ActivationStrategy.Delivery activationDelivery, Completed completed, Clock clock) {
        this.idx = idx;
        this.completion = completion;
        this.template = template;
        this.throttles = throttles;
        this.pacer = pacer;
        this.activationDelivery = activationDelivery;
        this.completed = completed;
        this.clock = clock;
    }

    ResponsePacer pacer() {
        return pacer;
    }

    /** The first page: from the template when there is one (no Okta call), else a new transaction. */
    FlowResult start() {
        if (template.current().isPresent()) {
            return new FlowResult.Page(SignInState.notBegun(), SignInView.IDENTIFY, List.of());
        }
        try {
            return next(SignInState.notBegun(), begin(), null);
        } catch (IdxException e) {
            return OktaFailures.page("begin", e);
        }
    }

    IdxTransaction begin() throws IdxException {
        IdxTransaction tx = idx.begin();
        template.remember(tx.step());
        return tx;
    }

    /** The state with an Okta transaction, begun now if it had none. */
    SignInState begun(SignInState state) throws IdxException {
        return state.begun() ? state : state.with(begin());
    }

    /** Runs one step; a refusal shows the same page with {@code refusalKey}. */
    FlowResult call(SignInState state, String refusalKey, Step step) {
        IdxTransaction tx = state.transaction();
        long started = System.nanoTime();
        try {
            IdxStep result = step.run(tx);
            pacer.recordSince(ResponsePacer.Operation.OKTA_STEP, started);
            return next(state, tx, result);
        } catch (IdxException e) {
            if (e.kind() == IdxException.Kind.REJECTED) {
                pacer.recordSince(ResponsePacer.Operation.REFUSED_STEP, started);
            }
            return refused(e.current() != null ? state.with(tx.withStep(e.current())) : state, e, refusalKey);
        }
    }

    FlowResult refused(SignInState state, IdxException e, String refusalKey) {
        return switch (e.kind()) {
            case REJECTED -> {
                // Why a new password was refused is Okta's to say ("found in a list of commonly used passwords"):
                // its words go next to the field, instead of ours.
                boolean choosing = state.begun() && state.transaction().step().first()
                        .map(r -> !r.name().equals("challenge-authenticator")).orElse(false);
                Map<String, List<OktaText>> reasons = choosing ? oktasReasons(viewOf(state), e) : Map.of();
                yield reasons.isEmpty() ? page(state, List.of(refusalKey)) : new FlowResult.Page(state, viewOf(state), List.of(), reasons);
            }
            case SESSION_EXPIRED -> expired();
            default -> OktaFailures.page("step", e);
        };
    }

    /**
     * Okta's own words about the field a person chose the value of, next to that field: why a new
     * password, a security question or a phone number being set up was refused. Elsewhere (a wrong answer, say) the
     * filter's words, which say no more than Okta's about an account.
     */
    private static Map<String, List<OktaText>> oktasReasons(SignInView view, IdxException e) {
        Map<String, String> fields = switch (view) {
            case NEW_PASSWORD -> Map.of("passcode", "password");
            case QUESTION -> Map.of("answer", "answer", "question", "question");
            case PHONE -> Map.of("", "phoneNumber", "phoneNumber", "phoneNumber"); // a refused number: Okta says so at the top
            default -> Map.of();
        };
        Map<String, List<OktaText>> out = new java.util.LinkedHashMap<>();
        for (IdxMessage m : e.messages()) {
            String field = fields.get(m.field() == null ? "" : m.field());
            if (field != null && m.text() != null) {
                SignUpSteps.addOnce(out, field, m); // Okta repeats it on each option's field of the same name
            }
        }
        return out;
    }

    /** Goes on from a new step: tokens when it succeeded, an automatic choice when there is one, else its page. */
    FlowResult next(SignInState before, IdxTransaction tx, IdxStep step) {
        IdxTransaction current = step == null ? tx : tx.withStep(step);
        boolean samePage = before.begun() && signature(before.transaction().step()).equals(signature(current.step()));
        SignInState state = samePage ? before.with(current) : before.advancedTo(current);
        if (current.step().succeeded()) {
            FlowResult done = completion.complete(current);
            if (done instanceof FlowResult.SignedIn s && state.activation() == SignInState.ActivationStage.STARTED) {
                completed.activationCompleted(s.authentication().user().getName());
            }
            return done;
        }
        SignInView view = viewFor(current.step());
        Optional<IdxRemediation> select = selectRemediation(current.step());
        if (select.isPresent() && view == SignInView.SELECT) {
            List<IdxOption> options = supportedOptions(select.get());
            boolean onlyChoice = options.size() == 1 && (select.get().name().equals("select-authenticator-authenticate")
                    || current.step().remediation("skip").isEmpty());
            if (onlyChoice) {
                // One possible authenticator: choose it, as a person would have to anyway.
                return call(state, "oie.error.stepRefused", t -> OktaVerifySteps.choose(idx, t, options.get(0).authenticatorId(), null));
            }
        }
        String onlyWay = onlyWayToSend(current.step());
        // Once per step: should Okta answer with the same step again, its page (not another call) follows.
        Optional<IdxRemediation> data = view == SignInView.UNSUPPORTED && onlyWay != null && !samePage
                ? PhoneSteps.dataStep(current.step()).filter(d -> !d.options().isEmpty()) : Optional.empty();
        if (data.isPresent()) {
            // Okta asks how to reach the person (an org that does not send by itself): email has one way, and
            // Okta Verify starts with the push (its page offers the code instead). Send, as the person would have to.
            Map<String, Object> authenticator = Map.of("id", data.get().options().get(0).authenticatorId(), "methodType", onlyWay);
            String name = data.get().name();
            return call(state, "oie.error.stepRefused", t -> idx.proceed(t, name, Map.of("authenticator", authenticator)));
        }
        if (view == SignInView.OKTA_VERIFY) {
            state = state.withCodeSentAt(clock.instant()); // when Okta last answered: polls wait its refresh from here
        }
        boolean wasCode = before.begun() && viewFor(before.transaction().step()) == SignInView.CODE;
        if (view == SignInView.CODE && !wasCode) {
            state = state.withCodeSentAt(clock.instant()); // entering a code page means Okta just sent one
            throttles.codeSent(state.flowId());
        }
        return page(state, List.of());
    }

    /** The method to ask for when Okta asks how to send and there is nothing to choose on a page of ours; else null. */
    private static String onlyWayToSend(IdxStep step) {
        String key = step.current() == null ? null : step.current().key();
        return "email".equals(step.currentType()) ? "email" : "okta_verify".equals(key) ? "push" : null;
    }

    /** What makes a page the same page: Okta's remediations and the authenticator they are about. */
    private static String signature(IdxStep step) {
        return step.remediationNames() + "|" + step.currentType();
    }

    FlowResult expired() {
        return startOver("oie.error.sessionExpired");
    }

    /** A fresh first page with a message. */
    FlowResult startOver(String messageKey) {
        FlowResult fresh = start();
        if (fresh instanceof FlowResult.Page p) {
            return new FlowResult.Page(p.state(), p.view(), List.of(messageKey));
        }
        return fresh;
    }

    FlowResult page(SignInState state, List<String> messages) {
        SignInView view = viewOf(state);
        if (view == SignInView.UNSUPPORTED) {
            IdxStep step = state.transaction().step();
            LOG.warn("oie-filter: Okta asks for a step this filter does not handle: {0} ({1})",
                    step.remediationNames(), step.currentType());
        }
        return new FlowResult.Page(state, view, messages);
    }

    /** The IDX step a page is drawn from: the transaction's, or the template's before one begins. */
    IdxStep stepOf(SignInState state) {
        return state.begun() ? state.transaction().step() : template.current().orElse(NO_STEP);
    }

    /** The page for a sign-in: its step's, except that activations have their own pages. */
    SignInView viewOf(SignInState state) {
        if (!state.begun()) {
            return SignInView.IDENTIFY;
        }
        if (state.activation() == SignInState.ActivationStage.UNIFORM) {
            return activationDelivery == ActivationStrategy.Delivery.LINK ? SignInView.ACTIVATION_EMAIL : SignInView.ACTIVATION_CODE;
        }
        if (state.activation() == SignInState.ActivationStage.STARTED && state.proof() != null) {
            return SignInView.ACTIVATION_CODE;
        }
        SignInView view = viewFor(state.transaction().step());
        return state.activation() == SignInState.ActivationStage.STARTED && view == SignInView.CODE ? SignInView.ACTIVATION_CODE : view;
    }

    /** The page for a step, from the remediation Okta leads with and the authenticator it is about. */
    static SignInView viewFor(IdxStep step) {
        Optional<IdxRemediation> first = step.first();
        if (first.isEmpty()) {
            return step.messages().isEmpty() || step.succeeded() ? SignInView.UNSUPPORTED : SignInView.TERMINAL;
        }
        String type = step.currentType();
        String key = step.current() == null ? null : step.current().key();
        Optional<AuthenticatorViews.Views> views = AuthenticatorViews.of(key, type);
        return switch (first.get().name()) {
            case "identify", "identify-recovery" -> SignInView.IDENTIFY;
            case "enroll-profile" -> SignInView.SIGN_UP;
            case "select-authenticator-unlock-account" -> SignInView.UNLOCK;
            case PhoneSteps.ENROLLMENT_DATA, PhoneSteps.VERIFICATION_DATA -> "phone".equals(type) ? SignInView.PHONE : SignInView.UNSUPPORTED;
            case "enroll-poll", "enrollment-channel-data", "challenge-poll", "resend" -> "okta_verify".equals(key)
                    ? SignInView.OKTA_VERIFY : SignInView.UNSUPPORTED;
            case "challenge-authenticator" -> views.map(AuthenticatorViews.Views::challenge).orElse(SignInView.UNSUPPORTED);
            case "enroll-authenticator" -> views.map(AuthenticatorViews.Views::enroll).orElse(SignInView.UNSUPPORTED);
            case "reset-authenticator", "reenroll-authenticator" -> "password".equals(type) ? SignInView.NEW_PASSWORD
                    : SignInView.UNSUPPORTED;
            case "select-authenticator-authenticate", "select-authenticator-enroll" ->
                    supportedOptions(first.get()).isEmpty() && step.remediation("skip").isEmpty()
                            ? SignInView.UNSUPPORTED : SignInView.SELECT;
            default -> SignInView.UNSUPPORTED;
        };
    }

    static Optional<IdxRemediation> selectRemediation(IdxStep step) {
        return step.remediation("select-authenticator-authenticate").or(() -> step.remediation("select-authenticator-enroll"));
    }

    /** The options of a select remediation that this filter has pages for. */
    static List<IdxOption> supportedOptions(IdxRemediation select) {
        List<IdxOption> out = new ArrayList<>();
        for (IdxOption o : select.options()) {
            if (AuthenticatorViews.supports(o)) {
                out.add(o);
            }
        }
        return out;
    }
}
