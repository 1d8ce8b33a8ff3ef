package io.oiefilter.simulator.idx;

import io.oiefilter.simulator.org.AuthenticatorKind;

import java.util.List;

/**
 * What a transaction offers next, from which its IDX response is rendered.
 *
 * @param options   the authenticators to choose from (SELECT_*) or the one in progress (CHALLENGE, ENROLL, RESET)
 * @param skippable whether the optional enrollments left can be skipped
 */
public record Offer(Kind kind, List<AuthenticatorKind> options, boolean skippable) {
    public enum Kind {
        IDENTIFY, ENROLL_PROFILE, CHALLENGE, SELECT_AUTHENTICATE, SELECT_ENROLL, ENROLL, RESET, REENROLL, SUCCESS,
        /** Self-service unlock: identifier and authenticator asked, the email code asked, done (terminal). */
        SELECT_UNLOCK, UNLOCK_CHALLENGE, UNLOCKED
    }

    public Offer {
        options = List.copyOf(options);
    }

    static Offer of(Kind kind) {
        return new Offer(kind, List.of(), false);
    }
}
