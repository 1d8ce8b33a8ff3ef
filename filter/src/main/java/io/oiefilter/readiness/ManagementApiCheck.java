package io.oiefilter.readiness;

import io.oiefilter.config.OieConfig;
import io.oiefilter.mgmt.ManagementException;
import io.oiefilter.mgmt.ManagementPort;

import java.util.function.Supplier;

/**
 * The API token ({@code okta.client.token}) is valid and may read and reactivate users, when the activation strategy
 * uses the Management API. Both probes name a user that does not exist: a token that may do it gets Okta's 404, a
 * read-only administrator's token a 403 for the reactivation, and nobody is changed or emailed.
 */
final class ManagementApiCheck implements ReadinessCheck {
    static final String NAME = "management-api";
    static final String PROBE_LOGIN = "oie-readiness-probe@example.invalid";
    static final String PROBE_USER_ID = "00u0ieReadinessProbe0";

    private final String strategy;
    private final boolean needed;
    private final Supplier<ManagementPort> management;

    /** @param needed whether the activation strategy uses the Management API */
    ManagementApiCheck(String strategy, boolean needed, Supplier<ManagementPort> management) {
        this.strategy = strategy;
        this.needed = needed;
        this.management = management;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        if (!needed) {
            return CheckResult.skipped(NAME, "the activation strategy (" + strategy + ") uses no Management API token");
        }
        ManagementPort port;
        try {
            port = management.get();
            port.findByLogin(PROBE_LOGIN);
        } catch (ManagementException e) {
            return CheckResult.failed(NAME, "reading users: " + e.getMessage());
        } catch (RuntimeException e) { // a port that cannot be made: its message names the setting
            return CheckResult.failed(NAME, String.valueOf(e.getMessage()));
        }
        try {
            port.reactivate(PROBE_USER_ID, false);
        } catch (ManagementException e) {
            if (e.httpStatus() != 404) { // 404: allowed, and no such user, as meant
                return CheckResult.failed(NAME, e.getMessage());
            }
        }
        return CheckResult.ok(NAME, "the API token (" + OieConfig.MANAGEMENT_TOKEN + ") may read and reactivate users");
    }
}
