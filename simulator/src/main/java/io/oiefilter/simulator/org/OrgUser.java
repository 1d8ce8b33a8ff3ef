package io.oiefilter.simulator.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

/**
 * A user of the simulated org. Mutable on purpose (lifecycle calls change status, password and
 * enrollments); every change goes through a synchronized method.
 */
public final class OrgUser {
    private final String id;
    private final String login;
    private final String email;
    private final String firstName;
    private final String lastName;
    private final List<String> groups;
    private final Instant created;
    private String password;
    private UserStatus status;
    private boolean emailEnrolled;
    private Instant emailEnrolledAt;
    private int failedPasswordAttempts;
    private String activationToken;
    private Instant activationTokenExpires;
    private Instant activated;
    private Instant statusChanged;
    private Instant lastLogin;
    private Instant passwordChanged;
    private Instant lastUpdated;

    public OrgUser(String id, String login, String email, String firstName, String lastName,
                   List<String> groups, String password, UserStatus status, boolean emailEnrolled, Instant created) {
        this.id = id;
        this.login = login;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.groups = List.copyOf(groups);
        this.password = password;
        this.status = status;
        this.emailEnrolled = emailEnrolled;
        this.emailEnrolledAt = emailEnrolled ? created : null;
        this.created = created;
        this.lastUpdated = created;
        this.statusChanged = created;
        this.passwordChanged = password == null ? null : created;
        this.activated = status == UserStatus.ACTIVE ? created : null;
    }

    public String id() { return id; }
    public String login() { return login; }
    public String email() { return email; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String displayName() { return (firstName + " " + lastName).trim(); }
    public List<String> groups() { return groups; }
    public Instant created() { return created; }

    public synchronized UserStatus status() { return status; }
    public synchronized boolean hasPassword() { return password != null; }
    public synchronized boolean emailEnrolled() { return emailEnrolled; }
    /** When the email authenticator was enrolled (the Factors API's email factor was created), or null. */
    public synchronized Instant emailEnrolledAt() { return emailEnrolledAt; }
    public synchronized Instant activated() { return activated; }
    public synchronized Instant statusChanged() { return statusChanged; }
    public synchronized Instant lastLogin() { return lastLogin; }
    public synchronized Instant passwordChanged() { return passwordChanged; }
    public synchronized Instant lastUpdated() { return lastUpdated; }

    public synchronized boolean enrolled(AuthenticatorKind kind) {
        return kind == AuthenticatorKind.PASSWORD ? password != null : emailEnrolled;
    }

    public synchronized void status(UserStatus next, Instant at) {
        if (next == UserStatus.ACTIVE && status != UserStatus.ACTIVE) {
            activated = at;
        }
        if (next != UserStatus.LOCKED_OUT) {
            failedPasswordAttempts = 0;
        }
        status = next;
        statusChanged = at;
        lastUpdated = at;
    }

    public synchronized void password(String newPassword, Instant at) {
        password = newPassword;
        passwordChanged = at;
        lastUpdated = at;
    }

    public synchronized void enrollEmail(Instant at) {
        if (!emailEnrolled) {
            emailEnrolledAt = at;
        }
        emailEnrolled = true;
        lastUpdated = at;
    }

    public synchronized void signedIn(Instant at) {
        lastLogin = at;
        failedPasswordAttempts = 0;
    }

    public synchronized boolean passwordMatches(String candidate) {
        return password != null && candidate != null
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts a wrong password; at the threshold the user is LOCKED_OUT. Returns true when that happened now. */
    public synchronized boolean wrongPassword(int maxAttempts, Instant at) {
        failedPasswordAttempts++;
        if (maxAttempts > 0 && failedPasswordAttempts >= maxAttempts && status == UserStatus.ACTIVE) {
            status = UserStatus.LOCKED_OUT;
            statusChanged = at;
            return true;
        }
        return false;
    }

    /** A new activation token replaces any earlier one. */
    public synchronized void activationToken(String token, Instant expires) {
        activationToken = token;
        activationTokenExpires = expires;
    }

    /** True once for the current, unexpired token; the token is used up either way. */
    public synchronized boolean redeemActivationToken(String token, Instant now) {
        boolean ok = activationToken != null && token != null && now.isBefore(activationTokenExpires)
                && MessageDigest.isEqual(activationToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (ok) {
            activationToken = null;
        }
        return ok;
    }

    public synchronized boolean holdsActivationToken(String token, Instant now) {
        return activationToken != null && activationToken.equals(token) && now.isBefore(activationTokenExpires);
    }
}
