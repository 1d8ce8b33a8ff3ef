package io.oiefilter.readiness.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import org.eclipse.microprofile.health.Readiness;

/** Loaded only when MicroProfile Health is present (it names its annotations). */
final class HealthCheckRegistration {
    private HealthCheckRegistration() {
    }

    static void register(BeforeBeanDiscovery discovery) {
        // The class carries no bean annotation of its own: it is a bean only through this, never found by scanning.
        discovery.addAnnotatedType(ReadinessHealthCheck.class, ReadinessHealthCheck.class.getName())
                .add(ApplicationScoped.Literal.INSTANCE).add(Readiness.Literal.INSTANCE);
    }
}
