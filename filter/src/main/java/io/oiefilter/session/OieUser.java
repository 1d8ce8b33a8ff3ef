package io.oiefilter.session;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.Serializable;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in user, as {@code request.getUserPrincipal()} returns it. Small and Serializable:
 * it lives in the HTTP session of a possibly clustered app. Claims are kept as the ID token's JSON.
 */
public final class OieUser implements Principal, Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String subject;
    private final String displayName;
    private final String email;
    private final List<String> groups;
    private final String claimsJson;
    /** Null in a session written before roles were mapped: those users' roles are their groups, as then. */
    private final Set<String> roles;

    /** A user whose roles are their groups. */
    public OieUser(String name, String subject, String displayName, String email, List<String> groups, String claimsJson) {
        this(name, subject, displayName, email, groups, new LinkedHashSet<>(groups), claimsJson);
    }

    /**
     * @param groups the groups claim as Okta sent it
     * @param roles  what the {@link ClaimsMapper} made of the claims
     */
    public OieUser(String name, String subject, String displayName, String email, List<String> groups, Set<String> roles,
                   String claimsJson) {
        this.name = name;
        this.subject = subject;
        this.displayName = displayName;
        this.email = email;
        this.groups = List.copyOf(groups);
        this.roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        this.claimsJson = claimsJson;
    }

    /** The principal name the {@link ClaimsMapper} gave: by default the configured principal claim, else the subject. */
    @Override
    public String getName() { return name; }
    public String getSubject() { return subject; }
    /** The "name" claim, else the principal name: what a page greets the user with. */
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    /** The groups claim ({@code oie.groupsClaim}) as Okta sent it. */
    public List<String> getGroups() { return groups; }
    public boolean isInGroup(String group) { return groups.contains(group); }
    /** The roles {@code isUserInRole} and the container check: by default the groups. */
    public Set<String> getRoles() { return roles != null ? roles : Set.copyOf(groups); }
    public boolean hasRole(String role) { return getRoles().contains(role); }
    /** The ID token's claims as JSON text, e.g. for an API to return as they are. */
    public String getClaimsJson() { return claimsJson; }

    public Map<String, Object> getClaims() {
        try {
            return JSONObjectUtils.parse(claimsJson);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same person with the same claims and roles (a copy read back from a replica included). */
    @Override
    public boolean equals(Object o) {
        return o instanceof OieUser u && name.equals(u.name) && java.util.Objects.equals(subject, u.subject)
                && groups.equals(u.groups) && java.util.Objects.equals(roles, u.roles)
                && java.util.Objects.equals(claimsJson, u.claimsJson);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, subject);
    }

    @Override
    public String toString() {
        return "OieUser{" + name + "}";
    }
}
