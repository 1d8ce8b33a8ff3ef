package io.oiefilter.simulator.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * An OIDC app integration (a confidential client when it has a secret, public otherwise) with its
 * sign-on policy: one-step or identifier-first, and which second factor is asked after the password.
 */
public final class OrgApp {
    private final String clientId;
    private final String clientSecret;
    private final String label;
    private final List<String> redirectUris;
    private final List<String> postLogoutRedirectUris;
    private final List<String> grantTypes;
    private volatile SignOnMode signOnMode;
    private final java.util.Set<AuthenticatorKind> secondFactors =
            java.util.Collections.synchronizedSet(java.util.EnumSet.noneOf(AuthenticatorKind.class));
    private volatile boolean selfServiceRegistration;
    private volatile java.time.Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

    /** Okta's default for access and ID tokens of a custom authorization server's access policy. */
    public static final java.time.Duration DEFAULT_TOKEN_LIFETIME = java.time.Duration.ofHours(1);

    public OrgApp(String clientId, String clientSecret, String label, List<String> redirectUris,
                  List<String> postLogoutRedirectUris, List<String> grantTypes, SignOnMode signOnMode, boolean requireEmailCode) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.label = label;
        this.redirectUris = List.copyOf(redirectUris);
        this.postLogoutRedirectUris = new java.util.concurrent.CopyOnWriteArrayList<>(postLogoutRedirectUris);
        this.grantTypes = List.copyOf(grantTypes);
        this.signOnMode = signOnMode;
        requireEmailCode(requireEmailCode);
    }

    public String clientId() { return clientId; }
    public String clientSecret() { return clientSecret; }
    public boolean confidential() { return clientSecret != null; }
    public String label() { return label; }
    public List<String> redirectUris() { return redirectUris; }
    public List<String> postLogoutRedirectUris() { return List.copyOf(postLogoutRedirectUris); }
    /** Registers one more sign-out redirect URI, as an admin would in the app's settings. */
    public void allowPostLogoutRedirectUri(String uri) { postLogoutRedirectUris.add(uri); }
    /** The grant types enabled for the app; the interaction code flow needs "interaction_code". */
    public List<String> grantTypes() { return grantTypes; }
    public SignOnMode signOnMode() { return signOnMode; }
    /** Tests switch an app between sign-on policies at run time. */
    public void signOnMode(SignOnMode mode) { this.signOnMode = mode; }
    /** An email code after the password: the same as {@link #secondFactors} holding the email authenticator. */
    public boolean requireEmailCode() { return secondFactors.contains(AuthenticatorKind.EMAIL); }
    public void requireEmailCode(boolean require) {
        if (require) {
            secondFactors.add(AuthenticatorKind.EMAIL);
        } else {
            secondFactors.remove(AuthenticatorKind.EMAIL);
        }
    }

    /**
     * The sign-on policy's "password + another factor": after the password, one of these (the user picks among
     * those enrolled; who has none must enroll one). Empty, the default: the password alone.
     */
    public java.util.Set<AuthenticatorKind> secondFactors() {
        java.util.Set<AuthenticatorKind> copy = java.util.EnumSet.noneOf(AuthenticatorKind.class);
        synchronized (secondFactors) {
            copy.addAll(secondFactors);
        }
        return copy;
    }

    public void secondFactors(java.util.Collection<AuthenticatorKind> kinds) {
        synchronized (secondFactors) {
            secondFactors.clear();
            secondFactors.addAll(kinds);
            secondFactors.remove(AuthenticatorKind.PASSWORD);
        }
    }
    /** The profile enrollment policy lets people sign up (select-enroll-profile is offered). */
    public boolean selfServiceRegistration() { return selfServiceRegistration; }
    public void selfServiceRegistration(boolean on) { this.selfServiceRegistration = on; }
    /** How long the access and ID tokens issued to this app live (the access policy rule's token lifetime). */
    public java.time.Duration tokenLifetime() { return tokenLifetime; }
    public void tokenLifetime(java.time.Duration lifetime) { this.tokenLifetime = lifetime; }

    public boolean secretMatches(String candidate) {
        return clientSecret != null && candidate != null
                && MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}
