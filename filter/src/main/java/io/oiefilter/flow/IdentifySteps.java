package io.oiefilter.flow;

import io.oiefilter.activation.ActivationRequest;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxTransaction;

import java.util.List;

/** The sign-in form: who it is (with the password in a one-step policy), and "Forgot password?". */
final class IdentifySteps {
    private final IdxPort idx;
    private final StepNavigator navigator;
    private final ActivationSteps activation;

    /** @param activation what follows a failed identify; null when activation is off */
    IdentifySteps(IdxPort idx, StepNavigator navigator, ActivationSteps activation) {
        this.idx = idx;
        this.navigator = navigator;
        this.activation = activation;
    }

    /** @param rememberMe "Keep me signed in", passed to Okta as IDX's rememberMe */
    FlowResult identify(SignInState state, String identifier, char[] password, boolean rememberMe, SignInFlow.Client client) {
        if (identifier == null || identifier.isBlank()) {
            return navigator.page(state, List.of("oie.error.identifierRequired"));
        }
        String id = identifier.trim();
        SignInState s;
        try {
            s = navigator.begun(state).withIdentifier(id);
        } catch (IdxException e) {
            return OktaFailures.page("begin", e);
        }
        IdxTransaction tx = s.transaction();
        boolean needsPassword = tx.step().remediation("identify").map(r -> r.hasField("credentials")).orElse(false);
        if (needsPassword && empty(password)) {
            return navigator.page(s, List.of("oie.error.passwordRequired"));
        }
        long started = System.nanoTime();
        try {
            return navigator.next(s, tx, idx.identify(tx, id, needsPassword ? password : null, rememberMe));
        } catch (IdxException e) {
            SignInState current = e.current() != null ? s.with(tx.withStep(e.current())) : s;
            if (e.kind() == IdxException.Kind.REJECTED) {
                navigator.pacer().recordSince(ResponsePacer.Operation.REFUSED_STEP, started);
                if (activation != null && tx.step().remediation("identify").isPresent()) {
                    return activation.afterFailedIdentify(current, new ActivationRequest(id, client.locale(), client.address()));
                }
            }
            return navigator.refused(current, e, "oie.error.signInFailed");
        }
    }

    FlowResult forgotPassword(SignInState state) {
        try {
            return navigator.call(navigator.begun(state).withPurpose(SignInState.Purpose.RECOVERY), "oie.error.stepRefused",
                    idx::recover);
        } catch (IdxException e) {
            return OktaFailures.page("begin", e);
        }
    }


    private static boolean empty(char[] secret) {
        return secret == null || secret.length == 0;
    }
}
