package io.oiefilter.simulator.org;

import java.util.List;

/** An OIDC app integration: a confidential client when it has a secret, public otherwise. */
public final class OrgApp {
    private final String clientId;
    private final String clientSecret;
    private final String label;
    private final List<String> redirectUris;
    private volatile SignOnMode signOnMode;

    public OrgApp(String clientId, String clientSecret, String label, List<String> redirectUris, SignOnMode signOnMode) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.label = label;
        this.redirectUris = List.copyOf(redirectUris);
        this.signOnMode = signOnMode;
    }

    public String clientId() { return clientId; }
    public String clientSecret() { return clientSecret; }
    public boolean confidential() { return clientSecret != null; }
    public String label() { return label; }
    public List<String> redirectUris() { return redirectUris; }
    public SignOnMode signOnMode() { return signOnMode; }
    /** Tests switch an app between the two sign-on policies at run time. */
    public void signOnMode(SignOnMode mode) { this.signOnMode = mode; }

    public boolean secretMatches(String candidate) {
        return clientSecret != null && candidate != null
                && java.security.MessageDigest.isEqual(clientSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
