package io.oiefilter.simulator.org;

import java.util.List;

/** A user of the simulated org. Mutable on purpose: lifecycle calls change status and password. */
public final class OrgUser {
    private final String id;
    private final String login;
    private final String email;
    private final String firstName;
    private final String lastName;
    private final List<String> groups;
    private volatile String password;
    private volatile UserStatus status;

    public OrgUser(String id, String login, String email, String firstName, String lastName,
                   List<String> groups, String password, UserStatus status) {
        this.id = id;
        this.login = login;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.groups = List.copyOf(groups);
        this.password = password;
        this.status = status;
    }

    public String id() { return id; }
    public String login() { return login; }
    public String email() { return email; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String displayName() { return (firstName + " " + lastName).trim(); }
    public List<String> groups() { return groups; }
    public UserStatus status() { return status; }
    public void status(UserStatus status) { this.status = status; }
    public boolean hasPassword() { return password != null; }
    public void password(String password) { this.password = password; }

    public boolean passwordMatches(String candidate) {
        return password != null && candidate != null
                && java.security.MessageDigest.isEqual(password.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
