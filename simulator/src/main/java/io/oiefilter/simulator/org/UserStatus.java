package io.oiefilter.simulator.org;

/** Okta's user lifecycle statuses, as the Users API names them. */
public enum UserStatus {
    STAGED, PROVISIONED, ACTIVE, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT, SUSPENDED, DEPROVISIONED;

    /** Only these may pass identify; every other status gets Okta's generic failure. */
    public boolean canSignIn() {
        return this == ACTIVE || this == RECOVERY || this == PASSWORD_EXPIRED;
    }
}
