package io.oiefilter.audit;

/**
 * Hears every {@link AuditEvent} (an audit trail, a SIEM, alerts); must not throw, and should return quickly: it
 * runs on the request's thread. Every one found is called: the classes named in {@code oie.audit.listeners}, or every
 * CDI bean and {@link java.util.ServiceLoader} provider (see {@link io.oiefilter.spi.Extensions}). The filter's own
 * log line for each event is written whatever listeners there are.
 */
@FunctionalInterface
public interface AuditListener {
    void onAuditEvent(AuditEvent event);
}
