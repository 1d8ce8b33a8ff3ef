package io.oiefilter.flow;

import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxRemediation;

import java.util.List;
import java.util.Optional;

/**
 * Self-service unlock (IDX {@code unlock-account}): the form asking which account and how to prove
 * it, then Okta's code page. Okta answers alike whether or not the account exists or is locked; so
 * do these pages.
 */
final class UnlockSteps {
    private final io.oiefilter.idx.IdxPort idx;
    private final StepNavigator navigator;

    UnlockSteps(io.oiefilter.idx.IdxPort idx, StepNavigator navigator) {
        this.idx = idx;
        this.navigator = navigator;
    }

    /** "Unlock account?": the unlock form, when the org offers self-service unlock. */
    FlowResult unlock(SignInState state) {
        if (navigator.stepOf(state).remediation("unlock-account").isEmpty()) {
            return navigator.page(state, List.of("oie.error.unlockUnavailable"));
        }
        SignInState s;
        try {
            s = navigator.begun(state).withPurpose(SignInState.Purpose.UNLOCK);
        } catch (IdxException e) {
            return OktaFailures.page("begin", e);
        }
        if (s.transaction().step().remediation("unlock-account").isEmpty()) {
            return navigator.page(s, List.of("oie.error.unlockUnavailable")); // the org changed its policy since
        }
        return navigator.call(s, "oie.error.stepRefused", idx::unlockAccount);
    }

    /** The unlock form's answer: the account's identifier and the authenticator chosen. */
    FlowResult unlockAccount(SignInState state, String identifier, String authenticatorId) {
        Optional<IdxRemediation> form = state.begun()
                ? state.transaction().step().remediation("select-authenticator-unlock-account") : Optional.empty();
        if (form.isEmpty()) {
            return navigator.page(state, List.of("oie.error.stepRefused"));
        }
        if (identifier == null || identifier.isBlank()) {
            return navigator.page(state, List.of("oie.error.identifierRequired"));
        }
        boolean offered = StepNavigator.supportedOptions(form.get()).stream()
                .anyMatch(o -> o.authenticatorId().equals(authenticatorId));
        if (!offered) {
            return navigator.page(state, List.of("oie.error.chooseAuthenticator"));
        }
        String id = identifier.trim();
        return navigator.call(state.withIdentifier(id), "oie.error.stepRefused", tx -> idx.selectUnlock(tx, id, authenticatorId));
    }
}
