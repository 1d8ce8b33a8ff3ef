package io.oiefilter.simulator.org;

import com.fasterxml.jackson.databind.JsonNode;
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
    private final Map<AuthenticatorKind, Requirement> enrollmentPolicy = new EnumMap<>(AuthenticatorKind.class);
    private final Set<String> apiTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> readOnlyApiTokens = ConcurrentHashMap.newKeySet();
    private volatile List<String> accessPolicyGrantTypes = DEFAULT_ACCESS_POLICY_GRANT_TYPES;

    /** The grant types of the default authorization server's access policy rule, as a new org has them. */
    public static final List<String> DEFAULT_ACCESS_POLICY_GRANT_TYPES = List.of("authorization_code", "interaction_code",
            "refresh_token", "implicit", "password", "client_credentials");
    private volatile PasswordPolicy passwordPolicy = PasswordPolicy.defaults();
    private volatile String activationLinkTemplate = "{org}/welcome/{token}";
    private volatile boolean selfServiceUnlock = true;
    private final List<ProfileAttribute> profileAttributes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A custom attribute the profile enrollment policy asks for at sign-up, besides names and email. */
    public record ProfileAttribute(String name, String label, boolean required) {
    }

    public Org() {
        for (AuthenticatorKind k : AuthenticatorKind.values()) {
            authenticatorIds.put(k, newId("aut"));
        }
        enrollmentPolicy.put(AuthenticatorKind.PASSWORD, Requirement.REQUIRED);
        enrollmentPolicy.put(AuthenticatorKind.EMAIL, Requirement.OPTIONAL);
    }

    public static Org fromSeed(InputStream json) {
        try {
            return fromSeed(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable seed file", e);
        }
    }

    private static Org fromSeed(JsonNode root) {
        Org org = new Org();
        Instant now = Instant.now();
        JsonNode pw = root.path("authenticators").path("password");
        if (!pw.isMissingNode()) {
            PasswordPolicy d = PasswordPolicy.defaults();
            org.passwordPolicy(new PasswordPolicy(pw.path("minLength").asInt(d.minLength()), pw.path("minLowerCase").asInt(d.minLowerCase()),
                    pw.path("minUpperCase").asInt(d.minUpperCase()), pw.path("minNumber").asInt(d.minNumber()),
                    pw.path("minSymbol").asInt(d.minSymbol()), pw.path("excludeUsername").asBoolean(d.excludeUsername()),
                    pw.path("maxAttempts").asInt(d.maxAttempts()), pw.path("excludeCommonPasswords").asBoolean(d.excludeCommonPasswords())));
        }
        org.selfServiceUnlock(pw.path("selfServiceUnlock").asBoolean(true));
        root.path("enrollmentPolicy").fields().forEachRemaining(e ->
                org.enrollmentPolicy(AuthenticatorKind.byKeyOrType(e.getKey()), Requirement.valueOf(e.getValue().asText())));
        root.path("apiTokens").forEach(t -> org.addApiToken(t.asText()));
        root.path("readOnlyApiTokens").forEach(t -> org.addReadOnlyApiToken(t.asText()));
        if (root.has("accessPolicyGrantTypes")) {
            List<String> granted = new ArrayList<>();
            root.get("accessPolicyGrantTypes").forEach(g -> granted.add(g.asText()));
            org.accessPolicyGrantTypes(granted);
        }
        root.path("profileAttributes").forEach(a -> org.profileAttributes.add(new ProfileAttribute(a.path("name").asText(),
                a.path("label").asText(a.path("name").asText()), a.path("required").asBoolean(false))));
        if (root.hasNonNull("activationLink")) {
            org.activationLinkTemplate(root.get("activationLink").asText());
        }
        for (JsonNode a : root.path("apps")) {
            boolean registration = a.path("selfServiceRegistration").asBoolean(false);
            List<String> uris = new ArrayList<>();
            a.path("redirectUris").forEach(u -> uris.add(u.asText()));
            List<String> logoutUris = new ArrayList<>();
            a.path("postLogoutRedirectUris").forEach(u -> logoutUris.add(u.asText()));
            org.addApp(new OrgApp(a.path("clientId").asText(), a.hasNonNull("clientSecret") ? a.get("clientSecret").asText() : null,
                    a.path("label").asText(a.path("clientId").asText()), uris, logoutUris, grantTypes(a),
                    SignOnMode.valueOf(a.path("signOnMode").asText("IDENTIFIER_FIRST")),
                    a.path("requireEmailCode").asBoolean(false)));
            org.app(a.path("clientId").asText()).orElseThrow().selfServiceRegistration(registration);
            if (a.hasNonNull("tokenLifetimeSeconds")) {
                org.app(a.path("clientId").asText()).orElseThrow()
                        .tokenLifetime(java.time.Duration.ofSeconds(a.get("tokenLifetimeSeconds").asLong()));
            }
        }
        for (JsonNode u : root.path("users")) {
            List<String> groups = new ArrayList<>();
            u.path("groups").forEach(g -> groups.add(g.asText()));
            UserStatus status = UserStatus.valueOf(u.path("status").asText("ACTIVE"));
            org.createUser(u.path("login").asText(), u.path("email").asText(u.path("login").asText()),
                    u.path("firstName").asText(""), u.path("lastName").asText(""), groups,
                    u.hasNonNull("password") ? u.get("password").asText() : null, status,
                    u.path("emailEnrolled").asBoolean(status == UserStatus.ACTIVE), now);
        }
        return org;
    }

    private static List<String> grantTypes(JsonNode app) {
        List<String> out = new ArrayList<>();
        app.path("grantTypes").forEach(g -> out.add(g.asText()));
        return out.isEmpty() ? List.of("authorization_code", "interaction_code", "refresh_token") : out;
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

    public void enrollmentPolicy(AuthenticatorKind kind, Requirement requirement) {
        enrollmentPolicy.put(kind, requirement);
    }

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
