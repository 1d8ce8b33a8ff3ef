package io.oiefilter.simulator.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated org's directory: users and apps, seeded from a JSON file.
 *
 * <pre>{"apps":[{"clientId":..,"clientSecret":..,"label":..,"redirectUris":[..],"signOnMode":"IDENTIFIER_FIRST"}],
 *  "users":[{"login":..,"email":..,"firstName":..,"lastName":..,"password":..,"status":"ACTIVE","groups":[..]}]}</pre>
 */
public final class Org {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, OrgUser> usersByLogin = new ConcurrentHashMap<>();
    private final Map<String, OrgApp> appsById = new ConcurrentHashMap<>();

    public static Org fromSeed(InputStream json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            Org org = new Org();
            for (JsonNode a : root.path("apps")) {
                List<String> uris = new ArrayList<>();
                a.path("redirectUris").forEach(u -> uris.add(u.asText()));
                org.addApp(new OrgApp(a.path("clientId").asText(), a.hasNonNull("clientSecret") ? a.get("clientSecret").asText() : null,
                        a.path("label").asText(a.path("clientId").asText()), uris,
                        SignOnMode.valueOf(a.path("signOnMode").asText("IDENTIFIER_FIRST"))));
            }
            for (JsonNode u : root.path("users")) {
                List<String> groups = new ArrayList<>(List.of("Everyone"));
                u.path("groups").forEach(g -> { if (!groups.contains(g.asText())) groups.add(g.asText()); });
                org.addUser(new OrgUser(newId("00u"), u.path("login").asText(), u.path("email").asText(u.path("login").asText()),
                        u.path("firstName").asText(""), u.path("lastName").asText(""), groups,
                        u.hasNonNull("password") ? u.get("password").asText() : null,
                        UserStatus.valueOf(u.path("status").asText("ACTIVE"))));
            }
            return org;
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

    public void addUser(OrgUser user) {
        usersByLogin.put(user.login().toLowerCase(Locale.ROOT), user);
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

    public Optional<OrgApp> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(appsById.get(clientId));
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
