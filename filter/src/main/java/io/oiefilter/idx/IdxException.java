package io.oiefilter.idx;

import java.util.List;

/** Okta refused a step, or could not be reached; {@link #kind()} tells the caller what to do. */
public final class IdxException extends Exception {
    public enum Kind {
        /** The step was refused (wrong password, unknown user, ...): show the messages, stay on the step. */
        REJECTED,
        /** The transaction is gone (idx.session.expired): start over. */
        SESSION_EXPIRED,
        /** HTTP 429: try again later. */
        RATE_LIMITED,
        /** Okta is unreachable or answered something unusable (5xx, timeout, malformed body). */
        UNAVAILABLE,
        /**
         * Not sent: every slot for calls to Okta stayed taken for the whole wait (oie.okta.maxConcurrentCalls,
         * oie.okta.queueTimeoutMillis). This server is busy, Okta is not known to be down: try again shortly.
         */
        BUSY
    }

    private final Kind kind;
    private final int httpStatus;
    private final List<IdxMessage> messages;
    private final transient IdxStep current;
    private final int retryAfterSeconds;

    public IdxException(Kind kind, int httpStatus, String detail, List<IdxMessage> messages, IdxStep current, Throwable cause) {
        this(kind, httpStatus, detail, messages, current, cause, 0);
    }

    /** @param retryAfterSeconds for RATE_LIMITED, how long until Okta's window resets (0 when it did not say) */
    public IdxException(Kind kind, int httpStatus, String detail, List<IdxMessage> messages, IdxStep current, Throwable cause,
                        int retryAfterSeconds) {
        super(detail, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.messages = messages == null ? List.of() : List.copyOf(messages);
        this.current = current;
        this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
    }

    public Kind kind() { return kind; }
    public int httpStatus() { return httpStatus; }
    public List<IdxMessage> messages() { return messages; }
    /** For RATE_LIMITED: seconds until Okta's rate-limit window resets, from X-Rate-Limit-Reset; 0 when unknown. */
    public int retryAfterSeconds() { return retryAfterSeconds; }

    /** For REJECTED: the transaction's state after the refusal, to continue from. */
    public IdxStep current() { return current; }
}
