package io.oiefilter.simulator.org;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated org: users, apps, authenticators and policies, seeded from JSON. The seed format is
 * documented in the README; {@code default-seed.json} is the demo's.
 */
public final class Org {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, OrgUser> usersByLogin = new ConcurrentHashMap<>();
    private final Map<String, OrgApp> appsById = new ConcurrentHashMap<>();
    private final Map<AuthenticatorKind, String> authenticatorIds = new EnumMap<>(AuthenticatorKind.class);
    private final Map<AuthenticatorKind, Requirement> enrollmentPolicy = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<AuthenticatorKind> activeAuthenticators = ConcurrentHashMap.newKeySet();
    private final Set<String> apiTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> readOnlyApiTokens = ConcurrentHashMap.newKeySet();
    private volatile List<String> accessPolicyGrantTypes = DEFAULT_ACCESS_POLICY_GRANT_TYPES;

    /** The grant types of the default authorization server's access policy rule, as a new org has them. */
    public static final List<String> DEFAULT_ACCESS_POLICY_GRANT_TYPES = List.of("authorization_code", "interaction_code",
            "refresh_token", "implicit", "password", "client_credentials");
    private volatile PasswordPolicy passwordPolicy = PasswordPolicy.defaults();
    private volatile String activationLinkTemplate = "{org}/welcome/{token}";
    private volatile boolean selfServiceUnlock = true;
    private volatile List<String> phoneMethods = PhoneNumbers.METHODS;
    private volatile List<AuthenticatorKind> recoveryAuthenticators = List.of(AuthenticatorKind.EMAIL);
    private volatile WebAuthnRelyingParty webAuthn = WebAuthnRelyingParty.defaults();
    private volatile boolean oktaVerifyNumberChallenge;
    private final List<ProfileAttribute> profileAttributes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<TrustedOrigin> trustedOrigins = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A custom attribute the profile enrollment policy asks for at sign-up, besides names and email. */
    public record ProfileAttribute(String name, String label, boolean required) {
    }

    public Org() {
        for (AuthenticatorKind k : AuthenticatorKind.values()) {
            authenticatorIds.put(k, newId("aut"));
        }
        enrollmentPolicy.put(AuthenticatorKind.PASSWORD, Requirement.REQUIRED);
        enrollmentPolicy.put(AuthenticatorKind.EMAIL, Requirement.OPTIONAL);
        enrollmentPolicy.put(AuthenticatorKind.GOOGLE_OTP, Requirement.NOT_ALLOWED);
        enrollmentPolicy.put(AuthenticatorKind.SECURITY_QUESTION, Requirement.NOT_ALLOWED);
        enrollmentPolicy.put(AuthenticatorKind.PHONE, Requirement.NOT_ALLOWED);
        enrollmentPolicy.put(AuthenticatorKind.WEBAUTHN, Requirement.NOT_ALLOWED);
        enrollmentPolicy.put(AuthenticatorKind.OKTA_VERIFY, Requirement.NOT_ALLOWED);
        activeAuthenticators.add(AuthenticatorKind.PASSWORD);
        activeAuthenticators.add(AuthenticatorKind.EMAIL);
    }

    /** The org's trusted origins, oldest first. */
    public List<TrustedOrigin> trustedOrigins() { return List.copyOf(trustedOrigins); }

    /** Trusts an origin (normalized; see {@link TrustedOrigin#normalized}); an origin already trusted is refused. */
    public synchronized TrustedOrigin addTrustedOrigin(String name, String origin, java.util.Set<TrustedOrigin.Scope> scopes) {
        TrustedOrigin t = new TrustedOrigin(newId("tos"), name == null || name.isBlank() ? origin : name, origin, scopes,
                Instant.now());
        if (trustedOrigins.stream().anyMatch(o -> o.origin().equals(t.origin()))) {
            throw new IllegalArgumentException("already trusted: " + t.origin());
        }
        trustedOrigins.add(t);
        return t;
    }

    public boolean removeTrustedOrigin(String id) {
        return trustedOrigins.removeIf(o -> o.id().equals(id));
    }

    /** Whether a browser's {@code Origin} header names an origin trusted for CORS (matched exactly). */
    public boolean corsAllowed(String origin) {
        String o;
        try {
            o = TrustedOrigin.normalized(origin);
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
        return o.equals(origin) && trustedOrigins.stream().anyMatch(t -> t.origin().equals(o)
                && t.scopes().contains(TrustedOrigin.Scope.CORS));
    }

    /** WebAuthn's relying party: its id and the origins allowed to use it. */
    public WebAuthnRelyingParty webAuthn() { return webAuthn; }
    public void webAuthn(WebAuthnRelyingParty rp) { this.webAuthn = java.util.Objects.requireNonNull(rp); }

    public static Org fromSeed(InputStream json) {
        try {
            return OrgSeed.read(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable seed file", e);
        }
    }

    public static Org fromSeed(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return fromSeed(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed " + file, e);
        }
    }

    /** The seed shipped with the simulator (also the demo's). */
    public static Org defaultSeed() {
        try (InputStream in = Org.class.getResourceAsStream("/io/oiefilter/simulator/default-seed.json")) {
            return fromSeed(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a user; everyone is in the Everyone group, as in Okta. */
    public OrgUser createUser(String login, String email, String firstName, String lastName, List<String> groups,
                              String password, UserStatus status, boolean emailEnrolled, Instant at) {
        List<String> all = new ArrayList<>(List.of("Everyone"));
        groups.stream().filter(g -> !all.contains(g)).forEach(all::add);
        OrgUser user = new OrgUser(newId("00u"), login, email, firstName, lastName, all, password, status, emailEnrolled, at);
        if (usersByLogin.putIfAbsent(login.toLowerCase(Locale.ROOT), user) != null) {
            throw new IllegalArgumentException("login already exists: " + login);
        }
        return user;
    }

    public void addApp(OrgApp app) {
        appsById.put(app.clientId(), app);
    }

    /** Okta matches the identifier against the login, case-insensitively. */
    public Optional<OrgUser> userByLogin(String login) {
        return login == null ? Optional.empty() : Optional.ofNullable(usersByLogin.get(login.trim().toLowerCase(Locale.ROOT)));
    }

    public Optional<OrgUser> userById(String id) {
        return usersByLogin.values().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** By id, or by login (the Users API accepts either in the path). */
    public Optional<OrgUser> user(String idOrLogin) {
        return userById(idOrLogin).or(() -> userByLogin(idOrLogin));
    }

    public Collection<OrgUser> users() {
        return usersByLogin.values();
    }

    public Optional<OrgApp> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(appsById.get(clientId));
    }

    public String authenticatorId(AuthenticatorKind kind) {
        return authenticatorIds.get(kind);
    }

    public Optional<AuthenticatorKind> authenticatorById(String id) {
        return authenticatorIds.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst();
    }

    public Requirement enrollmentPolicy(AuthenticatorKind kind) {
        return enrollmentPolicy.get(kind);
    }

    /** Setting an enrollment policy other than NOT_ALLOWED adds the authenticator to the org if it had not it. */
    public void enrollmentPolicy(AuthenticatorKind kind, Requirement requirement) {
        enrollmentPolicy.put(kind, requirement);
        if (requirement != Requirement.NOT_ALLOWED) {
            activeAuthenticators.add(kind);
        }
    }

    /**
     * Whether the org has the authenticator (Security > Authenticators): password and email always; Google
     * Authenticator and the security question only when the seed or a test adds it. An authenticator the org has not is never offered,
     * neither to enroll nor to verify, whatever users enrolled earlier.
     */
    public boolean authenticatorActive(AuthenticatorKind kind) {
        return activeAuthenticators.contains(kind);
    }

    /** The phone authenticator's methods the org allows ("sms", "voice"), in Okta's order. */
    public List<String> phoneMethods() {
        return phoneMethods;
    }

    /**
     * What a password reset may be started with (the password policy rule's "Users can initiate reset with"): email by
     * default; the phone and Okta Verify too when the org allows them. Any one of them the user has is enough.
     */
    public List<AuthenticatorKind> recoveryAuthenticators() {
        return recoveryAuthenticators;
    }

    /** Sets what a password reset may be started with: email, phone and/or Okta Verify, as Okta's password policy allows. */
    public void recoveryAuthenticators(List<AuthenticatorKind> kinds) {
        if (kinds.isEmpty() || !List.of(AuthenticatorKind.EMAIL, AuthenticatorKind.PHONE, AuthenticatorKind.OKTA_VERIFY).containsAll(kinds)) {
            throw new IllegalArgumentException("a reset is started with okta_email, phone_number and/or okta_verify");
        }
        recoveryAuthenticators = List.copyOf(kinds);
    }

    /** Sets the phone methods the org allows: a non-empty subset of sms and voice. */
    public void phoneMethods(List<String> methods) {
        List<String> allowed = PhoneNumbers.METHODS.stream().filter(methods::contains).toList();
        if (allowed.isEmpty() || allowed.size() != methods.stream().distinct().count()) {
            throw new IllegalArgumentException("phone methods are sms and/or voice");
        }
        phoneMethods = allowed;
    }

    /** Adds or removes an authenticator; removing one sets its enrollment policy to NOT_ALLOWED. */
    public void authenticatorActive(AuthenticatorKind kind, boolean active) {
        if (active) {
            activeAuthenticators.add(kind);
        } else {
            activeAuthenticators.remove(kind);
            enrollmentPolicy.put(kind, Requirement.NOT_ALLOWED);
        }
    }

    /** Okta Verify pushes come with a number to choose on the phone (the org's number challenge setting). */
    public boolean oktaVerifyNumberChallenge() { return oktaVerifyNumberChallenge; }
    public void oktaVerifyNumberChallenge(boolean on) { oktaVerifyNumberChallenge = on; }

    public PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    public void passwordPolicy(PasswordPolicy policy) {
        this.passwordPolicy = policy;
    }

    /**
     * Where activation emails and activationUrl point: Okta's hosted page by default; an org whose
     * email template links to the app sets e.g. "http://localhost:8080/sample/oie/activate?token={token}".
     */
    public void activationLinkTemplate(String template) {
        this.activationLinkTemplate = template;
    }

    public String activationLink(String orgBase, String token) {
        return activationLinkTemplate.replace("{org}", orgBase).replace("{token}", token);
    }

    /**
     * The password policy rule lets a LOCKED_OUT user unlock their account through an email code
     * (identify offers unlock-account). On by default here, so the demo shows it.
     */
    public boolean selfServiceUnlock() {
        return selfServiceUnlock;
    }

    public void selfServiceUnlock(boolean on) {
        this.selfServiceUnlock = on;
    }

    public List<ProfileAttribute> profileAttributes() {
        return List.copyOf(profileAttributes);
    }

    public void addProfileAttribute(ProfileAttribute attribute) {
        profileAttributes.add(attribute);
    }

    public void addApiToken(String token) {
        apiTokens.add(token);
    }

    /** A token made by an admin whose role can read users but not change them (Okta's Read-only Administrator). */
    public void addReadOnlyApiToken(String token) {
        readOnlyApiTokens.add(token);
    }

    public boolean apiTokenValid(String token) {
        return matches(apiTokens, token) || matches(readOnlyApiTokens, token);
    }

    /** The token is valid, but its admin may not change users (lifecycle operations, factor verification). */
    public boolean apiTokenReadOnly(String token) {
        return matches(readOnlyApiTokens, token) && !matches(apiTokens, token);
    }

    /**
     * The grant types the authorization server's access policy rule allows. Without "interaction_code" Okta
     * still opens the transaction on /v1/interact, and its first state says no policy matches.
     */
    public List<String> accessPolicyGrantTypes() {
        return accessPolicyGrantTypes;
    }

    public void accessPolicyGrantTypes(List<String> grantTypes) {
        this.accessPolicyGrantTypes = List.copyOf(grantTypes);
    }

    private static boolean matches(Set<String> tokens, String token) {
        if (token == null) {
            return false;
        }
        Set<String> copy = new HashSet<>(tokens);
        boolean found = false;
        for (String t : copy) {
            found |= MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }

    /** An Okta-looking id: a three-character prefix and 17 random characters. */
    public static String newId(String prefix) {
        return prefix + randomString(17);
    }

    public static String randomString(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return sb.toString();
    }
}
