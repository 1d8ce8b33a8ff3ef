package io.oiefilter.flow;

import io.oiefilter.activation.AttemptStore;
import io.oiefilter.config.OieConfig;
import io.oiefilter.log.OieLog;

import java.time.Duration;

/**
 * The counters of one sign-in, kept in the attempt store rather than in the session: a session
 * read by sixty parallel requests shows each the same count, the store's counts are atomic (and
 * shared by a cluster with the JCache store). If the store fails, the limit holds.
 */
final class FlowThrottles {
    private static final OieLog LOG = OieLog.of(FlowThrottles.class);
    /** Longer than any sign-in page stays usable. */
    static final Duration FLOW_WINDOW = Duration.ofHours(2);

    private final AttemptStore store;
    private final Duration cooldown;
    private final Duration window;

    FlowThrottles(AttemptStore store, OieConfig config) {
        this.store = store;
        this.cooldown = config.resendCooldown();
        this.window = config.activationThrottleWindow();
    }

    /** Counts one code typed on this sign-in; returns how many so far (past the limit when the store failed). */
    int codeAttempt(String flowId) {
        try {
            return store.hit("code:" + flowId, FLOW_WINDOW);
        } catch (RuntimeException e) {
            LOG.warn("oie-filter: the attempt store failed, the code is not checked: {0}", e.toString());
            return Integer.MAX_VALUE;
        }
    }

    /** A code was sent: the cooldown before another starts now. */
    void codeSent(String flowId) {
        try {
            store.hit("resend:" + flowId, cooldown);
        } catch (RuntimeException e) {
            LOG.warn("oie-filter: the attempt store failed: {0}", e.toString());
        }
    }

    /** Counts an activation link opened from {@code address} (each costs an interact with the app's secret). */
    int linkOpened(String address) {
        try {
            return store.hit("link:" + address, window);
        } catch (RuntimeException e) {
            LOG.warn("oie-filter: the attempt store failed: {0}", e.toString());
            return Integer.MAX_VALUE;
        }
    }

    /** True for one caller per cooldown, however many ask at once. */
    boolean claimResend(String flowId) {
        try {
            return cooldown.isZero() || store.hit("resend:" + flowId, cooldown) == 1;
        } catch (RuntimeException e) {
            LOG.warn("oie-filter: the attempt store failed, no code is sent: {0}", e.toString());
            return false;
        }
    }
}
