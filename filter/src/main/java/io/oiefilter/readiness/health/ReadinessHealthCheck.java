package io.oiefilter.readiness.health;

import io.oiefilter.readiness.CheckResult;
import io.oiefilter.readiness.Readiness;
import io.oiefilter.readiness.ReadinessReport;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The readiness check as a MicroProfile Health readiness check, named {@value #NAME}. Off by default
 * ({@code oie.readiness.health}): then it is UP while the filter runs, so that adding the filter changes no health
 * probe (DOWN only when the filter refused its settings and answers every request with 503). On, it is UP only when
 * the org passed every check, with each check's status as data (never the details: the server's health
 * endpoint is usually open to anyone who can reach it).
 */
public class ReadinessHealthCheck implements HealthCheck {
    static final String NAME = "oie-filter-readiness";

    @Override
    public HealthCheckResponse call() {
        Readiness readiness = Readiness.running();
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME);
        if (readiness == null) {
            return b.down().withData("filter", "not running").build(); // not started yet, or refused its settings
        }
        if (!readiness.reportsToHealth()) {
            return b.up().build();
        }
        ReadinessReport report = readiness.onDemand();
        for (CheckResult c : report.checks()) {
            b.withData(c.name(), c.status().name());
        }
        return b.status(report.ready()).build();
    }
}
