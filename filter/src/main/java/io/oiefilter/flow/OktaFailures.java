package io.oiefilter.flow;

import io.oiefilter.idx.IdxException;
import io.oiefilter.log.OieLog;

/** What a person sees when Okta could not complete a step: one log line with the cause, never a stack trace. */
final class OktaFailures {
    private static final OieLog LOG = OieLog.of(OktaFailures.class);
    /** When Okta says "too many requests" without saying until when. */
    static final int RATE_LIMIT_RETRY_SECONDS = 60;
    /** When this server had no slot free for a call to Okta: a burst passes in a few seconds. */
    static final int BUSY_RETRY_SECONDS = 5;

    private OktaFailures() {
    }

    static FlowResult page(String where, IdxException e) {
        LOG.warn("oie-filter: sign-in {0} failed ({1}): {2}", where, e.kind(), e.getMessage());
        return switch (e.kind()) {
            case RATE_LIMITED -> new FlowResult.Failed("oie.error.rateLimited",
                    e.retryAfterSeconds() > 0 ? e.retryAfterSeconds() : RATE_LIMIT_RETRY_SECONDS);
            case SESSION_EXPIRED -> new FlowResult.Failed("oie.error.sessionExpired", 0);
            case BUSY -> FlowResult.Failed.busy(BUSY_RETRY_SECONDS);
            default -> new FlowResult.Failed("oie.error.unavailable", 0);
        };
    }
}
