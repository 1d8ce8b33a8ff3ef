package io.oiefilter.readiness.health;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Adds the readiness check to MicroProfile Health ({@code /health/ready}) where the server has it (Payara, WildFly,
 * Open Liberty). The health check's class names the MicroProfile Health API, so it is only touched once that API
 * is found: on a server without it nothing here loads it, and the filter has no dependency on it.
 */
public class ReadinessHealthExtension implements Extension {
    static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";

    void addHealthCheck(@Observes BeforeBeanDiscovery discovery) {
        if (present(HEALTH_API)) {
            HealthCheckRegistration.register(discovery);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ReadinessHealthExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
