package io.oiefilter.flow;

import io.oiefilter.idx.IdxStep;

import java.util.Optional;

/**
 * The org's first sign-in page as the latest transaction showed it: whether it asks for the
 * password too, offers sign-up, offers recovery. Anonymous page views are drawn from it, so that a
 * visitor (or a bot) costs Okta nothing until a form is sent; every transaction that begins
 * refreshes it, so a policy change shows on the next one.
 */
final class SignInTemplate {
    private volatile IdxStep first;

    /** Keeps {@code step} when it is a first page (identify). */
    void remember(IdxStep step) {
        if (step != null && step.first().map(r -> r.name().equals("identify")).orElse(false)) {
            first = new IdxStep(null, step.remediations(), step.current(), null, null, null, null);
        }
    }

    Optional<IdxStep> current() {
        return Optional.ofNullable(first);
    }
}
