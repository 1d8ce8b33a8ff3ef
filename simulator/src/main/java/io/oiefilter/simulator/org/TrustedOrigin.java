package io.oiefilter.simulator.org;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A trusted origin of the org (Security > API > Trusted Origins): a web origin allowed cross-origin requests
 * ({@code CORS}) and/or to be redirected to after sign-in or sign-out ({@code REDIRECT}).
 */
public record TrustedOrigin(String id, String name, String origin, Set<Scope> scopes, Instant created) {
    public enum Scope { CORS, REDIRECT }

    public TrustedOrigin {
        origin = normalized(origin);
        scopes = Set.copyOf(scopes);
    }

    /**
     * An origin as browsers send it in {@code Origin}: scheme, host and port only, lower case, no default port, no
     * path. Anything else is refused: a trusted origin is matched exactly, never by prefix.
     */
    public static String normalized(String origin) {
        URI u;
        try {
            u = URI.create(origin == null ? "" : origin.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an origin: " + origin);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getUserInfo() != null
                || (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/"))
                || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
