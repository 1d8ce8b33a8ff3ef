package io.oiefilter.mgmt;

/** A user as the Management API reports it: enough to decide on activation. */
public record ManagedUser(String id, String login, String email, Status status) {
    /** Okta's user statuses. */
    public enum Status { STAGED, PROVISIONED, ACTIVE, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT, SUSPENDED, DEPROVISIONED, UNKNOWN }
}
