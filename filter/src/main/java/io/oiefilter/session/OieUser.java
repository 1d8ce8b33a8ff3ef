package io.oiefilter.session;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Map;

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

    public OieUser(String name, String subject, String displayName, String email, List<String> groups, String claimsJson) {
        this.name = name;
        this.subject = subject;
        this.displayName = displayName;
        this.email = email;
        this.groups = List.copyOf(groups);
        this.claimsJson = claimsJson;
    }

    /** The configured principal claim (preferred_username by default), else the subject. */
    @Override
    public String getName() { return name; }
    public String getSubject() { return subject; }
    /** The "name" claim, else the principal name: what a page greets the user with. */
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public List<String> getGroups() { return groups; }
    public boolean isInGroup(String group) { return groups.contains(group); }
    /** The ID token's claims as JSON text, e.g. for an API to return as they are. */
    public String getClaimsJson() { return claimsJson; }

    public Map<String, Object> getClaims() {
        try {
            return JSONObjectUtils.parse(claimsJson);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "OieUser{" + name + "}";
    }
}
