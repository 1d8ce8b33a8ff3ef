package io.oiefilter.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * {@link OieMetrics} on Micrometer: the application's {@link MeterRegistry} (a CDI bean, as WildFly's micrometer
 * subsystem and most apps provide), else Micrometer's global registry. Only loaded when Micrometer is on the class
 * path ({@link MetricsChoice}); the filter does not ship it.
 */
final class MicrometerMetrics implements OieMetrics {
    private final MeterRegistry registry;

    MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** On Micrometer's global registry, to which the application adds its own (Prometheus, JMX, ...). */
    static OieMetrics global() {
        return new MicrometerMetrics(io.micrometer.core.instrument.Metrics.globalRegistry);
    }

    @Override
    public void event(AuditEvent event) {
        Counter.builder("oie.events").description("oie-filter audit events").tags(OieMetrics.tags(event))
                .register(registry).increment();
    }

    @Override
    public void oktaCall(String endpoint, String outcome, Duration took) {
        Timer.builder("oie.okta.calls").description("calls oie-filter made to Okta").tags("endpoint", endpoint, "outcome", outcome)
                .register(registry).record(took);
        if ("busy".equals(outcome)) {
            Counter.builder("oie.okta.busy").description("calls to Okta refused: every slot taken").register(registry).increment();
        }
    }
}
