package io.oiefilter.flow;

import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxPort;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The steps about one authenticator: a password or code answered, a new password, a choice, a new code, a skip. */
final class AuthenticatorSteps {
    private final IdxPort idx;
    private final StepNavigator navigator;
    private final FlowThrottles throttles;
    private final ActivationSteps activation;
    private final OieConfig config;
    private final Clock clock;

    /** @param activation the activation pages' own code checks; null when activation is off */
    AuthenticatorSteps(IdxPort idx, StepNavigator navigator, FlowThrottles throttles, ActivationSteps activation, OieConfig config,
                       Clock clock) {
        this.idx = idx;
        this.navigator = navigator;
        this.throttles = throttles;
        this.activation = activation;
        this.config = config;
        this.clock = clock;
    }

    /** A password or code for the current authenticator. */
    FlowResult answer(SignInState state, char[] passcode) {
        SignInView view = navigator.viewOf(state);
        boolean code = view == SignInView.CODE || view == SignInView.ACTIVATION_CODE || view == SignInView.OTP;
        if (empty(passcode)) {
            return navigator.page(state, List.of(code ? "oie.error.codeRequired" : "oie.error.passwordRequired"));
        }
        if (view == SignInView.ACTIVATION_CODE && activation != null) {
            return activation.code(state, passcode);
        }
        return navigator.call(state, code ? "oie.error.codeInvalid" : "oie.error.passwordIncorrect", tx -> idx.answer(tx, passcode));
    }

    /**
     * A security question answered: the enrolled one (its key is the state's, never the form's), or one
     * set up now: one of Okta's questions, or the person's own ({@code custom}).
     */
    FlowResult answerQuestion(SignInState state, String questionKey, String question, char[] answer) {
        io.oiefilter.idx.IdxAuthenticator current = navigator.stepOf(state).current();
        if (current == null || navigator.viewOf(state) != SignInView.QUESTION) {
            return navigator.page(state, List.of("oie.error.stepRefused"));
        }
        if (empty(answer)) {
            return navigator.page(state, List.of("oie.error.answerRequired"));
        }
        if (current.question() != null) {
            String key = current.question().key();
            return navigator.call(state, "oie.error.answerIncorrect", tx -> idx.answerQuestion(tx, key, null, answer));
        }
        boolean custom = "custom".equals(questionKey);
        if (custom && (question == null || question.isBlank())) {
            return navigator.page(state, List.of("oie.error.questionRequired"));
        }
        if (!custom && current.questions().stream().noneMatch(q -> q.key().equals(questionKey))) {
            return navigator.page(state, List.of("oie.error.chooseQuestion"));
        }
        String own = custom ? question.trim() : null;
        return navigator.call(state, "oie.error.answerRejected", tx -> idx.answerQuestion(tx, questionKey, own, answer));
    }

    /** A new password, typed twice (the second only checked here). */
    FlowResult newPassword(SignInState state, char[] password, char[] confirmation) {
        if (empty(password)) {
            return navigator.page(state, List.of("oie.error.passwordRequired"));
        }
        if (!Arrays.equals(password, confirmation)) {
            return navigator.page(state, List.of("oie.error.passwordsDiffer"));
        }
        return navigator.call(state, "oie.error.passwordRejected", tx -> idx.answer(tx, password));
    }

    /** {@code choice}: an option's id, or {@code id:method} for one of its methods (see {@link PageContent.Choice#value()}). */
    FlowResult select(SignInState state, String choice) {
        int colon = choice == null ? -1 : choice.indexOf(':');
        String authenticatorId = colon < 0 ? choice : choice.substring(0, colon);
        String method = colon < 0 ? null : choice.substring(colon + 1);
        boolean offered = StepNavigator.selectRemediation(navigator.stepOf(state)).map(r -> r.options().stream()
                .anyMatch(o -> o.authenticatorId().equals(authenticatorId) && (method == null || o.methods().contains(method))))
                .orElse(false);
        if (!offered) {
            return navigator.page(state, List.of("oie.error.chooseAuthenticator"));
        }
        return navigator.call(state, "oie.error.stepRefused", tx -> OktaVerifySteps.choose(idx, tx, authenticatorId, method));
    }

    /** A new code, no sooner than the cooldown after the last one, once per cooldown however many ask at once. */
    FlowResult resend(SignInState state) {
        if (navigator.viewOf(state) == SignInView.ACTIVATION_CODE && activation != null) {
            return activation.resend(state);
        }
        if (secondsUntilResend(state) > 0 || !throttles.claimResend(state.flowId())) {
            return navigator.page(state, List.of("oie.error.resendTooSoon"));
        }
        FlowResult r = navigator.call(state, "oie.error.stepRefused", idx::resend);
        if (r instanceof FlowResult.Failed f && f.status() == 429) {
            // Okta's limit on codes sent (the phone's "limit of sms requests"): the code already sent still works.
            return navigator.page(state, List.of("oie.error.resendTooSoon"));
        }
        if (r instanceof FlowResult.Page p && p.messageKeys().isEmpty()) {
            return new FlowResult.Page(p.state().withCodeSentAt(clock.instant()), p.view(), List.of("oie.info.codeResent"));
        }
        return r;
    }

    FlowResult skip(SignInState state) {
        return navigator.call(state, "oie.error.stepRefused", idx::skip);
    }

    /** Seconds until a new code may be asked for; 0 when it may be now. */
    long secondsUntilResend(SignInState state) {
        if (state.codeSentAt() == null) {
            return 0;
        }
        long millis = Duration.between(clock.instant(), state.codeSentAt().plus(config.resendCooldown())).toMillis();
        return Math.max(0, (millis + 999) / 1000); // rounded up: a countdown that ends must find the button usable
    }


    private static boolean empty(char[] secret) {
        return secret == null || secret.length == 0;
    }
}
