package io.oiefilter.audit;

import io.oiefilter.log.OieLog;

import java.time.Clock;
import java.util.List;

/**
 * Where every audit event goes: one log line (INFO; failures and throttles WARN), the counters of {@link OieMetrics},
 * and each {@link AuditListener}. A listener that throws is logged and skipped: auditing never breaks a sign-in.
 */
public final class AuditTrail {
    private static final OieLog LOG = OieLog.of(AuditTrail.class);

    private final List<AuditListener> listeners;
    private final OieMetrics metrics;
    private final Clock clock;

    public AuditTrail(List<AuditListener> listeners, OieMetrics metrics, Clock clock) {
        this.listeners = List.copyOf(listeners);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** No listeners, no metrics: the log line only. */
    public static AuditTrail logOnly() {
        return new AuditTrail(List.of(), OieMetrics.NONE, Clock.systemUTC());
    }

    public OieMetrics metrics() {
        return metrics;
    }

    /** @param subject who, as typed or signed in; neutralised here */
    public void record(AuditEvent.Type type, String subject, String clientAddress, String reason) {
        AuditEvent event = new AuditEvent(type, clock.instant(), subject == null ? null : OieLog.neutralise(subject),
                clientAddress, reason);
        boolean bad = type == AuditEvent.Type.SIGN_IN_FAILED || type == AuditEvent.Type.THROTTLED
                || type == AuditEvent.Type.ACTIVATION_REFUSED;
        // OieLog neutralises every argument itself: the subject goes in as typed, not escaped twice.
        LOG.log(bad ? System.Logger.Level.WARNING : System.Logger.Level.INFO, "oie-filter audit: {0} {1} from {2}{3}", type,
                subject == null ? "-" : subject, clientAddress, reason == null ? "" : " (" + reason + ")");
        metrics.event(event);
        for (AuditListener listener : listeners) {
            try {
                listener.onAuditEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("oie-filter: the audit listener {0} failed: {1}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
