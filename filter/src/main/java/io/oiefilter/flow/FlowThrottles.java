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

    /** Counts one code typed on this sign-in; returns how many so far. */
    int codeAttempt(String flowId) {
        return count("code:" + flowId, FLOW_WINDOW);
    }

    /** A code was sent: the cooldown before another starts now. */
    void codeSent(String flowId) {
        count("resend:" + flowId, cooldown);
    }

    /** True for one caller per cooldown, however many ask at once. */
    boolean claimResend(String flowId) {
        return cooldown.isZero() || count("resend:" + flowId, cooldown) == 1;
    }

    /** True for one caller per Okta poll interval, however many ask at once. */
    boolean claimPoll(String flowId, Duration refresh) {
        return count("poll:" + flowId, refresh) == 1;
    }

    /** Counts an activation link opened from {@code address} (each costs an interact with the app's secret). */
    int linkOpened(String address) {
        return count("link:" + address, window);
    }

    /** One more for {@code key}; past every limit when the store fails. */
    private int count(String key, Duration in) {
        try {
            return store.hit(key, in);
        } catch (RuntimeException e) {
            LOG.warn("oie-filter: the attempt store failed, its limits hold as if reached: {0}", e.toString());
            return Integer.MAX_VALUE;
        }
    }
}
