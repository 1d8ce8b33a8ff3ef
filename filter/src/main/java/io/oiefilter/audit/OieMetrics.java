package io.oiefilter.audit;

import java.time.Duration;

/**
 * The filter's counters and timers, written to whatever metrics library the application has (see
 * {@link MetricsChoice}); {@link #NONE} when it has none. Names and tags are documented in the README
 * ("Audit events and metrics"):
 * <ul>
 * <li>{@code oie.events} (counter, tag {@code type}: every {@link AuditEvent.Type}, lower case, and {@code reason}
 *     for failed sign-ins and throttles),</li>
 * <li>{@code oie.okta.calls} (timer, tags {@code endpoint} (interact, identify, challenge/answer, token, ...) and
 *     {@code outcome}: {@code ok}, or the failure's kind such as {@code rejected}, {@code unavailable},
 *     {@code rate_limited}, {@code busy}),</li>
 * <li>{@code oie.okta.busy} (counter): calls refused without being sent because every slot to Okta was taken.</li>
 * </ul>
 */
public interface OieMetrics {
    OieMetrics NONE = new OieMetrics() {
        @Override
        public void event(AuditEvent event) {
        }

        @Override
        public void oktaCall(String endpoint, String outcome, Duration took) {
        }
    };

    void event(AuditEvent event);

    /** One call to Okta: its endpoint, {@code ok} or its failure kind, and how long it took. */
    void oktaCall(String endpoint, String outcome, Duration took);

    /**
     * The tags an event is counted under: its type, and its reason for a failed sign-in or a throttle (message keys, a
     * fixed set). An activation's refusal is free text: as a tag it would make a meter per wording, so it has none.
     */
    static String[] tags(AuditEvent event) {
        String type = event.type().name().toLowerCase(java.util.Locale.ROOT);
        boolean withReason = event.reason() != null && (event.type() == AuditEvent.Type.SIGN_IN_FAILED
                || event.type() == AuditEvent.Type.THROTTLED);
        return withReason ? new String[] {"type", type, "reason", event.reason()} : new String[] {"type", type};
    }
}
