package io.oiefilter.session;

import io.oiefilter.idx.TokenSet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a sign-in leaves in the HTTP session besides the user: which tokens, and which of the ID token's
 * claims. A clustered container copies the session to its replicas, so the session keeps what the filter
 * and the app need and no more ({@code oie.session.tokens}, {@code oie.session.claims}).
 *
 * @param tokens which tokens are kept: {@code id}, {@code access}, {@code refresh}
 * @param claims which claims are kept, or null for all but {@link #PROTOCOL_CLAIMS}
 */
public record SessionContents(Set<String> tokens, Set<String> claims) {
    public static final Set<String> TOKEN_KINDS = Set.of("id", "access", "refresh");
    /** Claims only the ID token's own check needs: of no use once it has passed. */
    public static final Set<String> PROTOCOL_CLAIMS = Set.of("nonce", "at_hash", "c_hash", "jti");

    public SessionContents {
        tokens = Set.copyOf(tokens);
        claims = claims == null ? null : Set.copyOf(claims);
    }

    /**
     * {@code oie.session.tokens}: a list of {@code id, access, refresh}, {@code none}, or {@code auto}: the refresh
     * token (to renew the sign-in) and, when sign-out goes through Okta's end-session endpoint, the ID token (its hint).
     */
    public static Set<String> tokens(String setting, boolean endSession) {
        String t = setting.trim();
        if (t.equals("auto")) {
            return endSession ? Set.of("id", "refresh") : Set.of("refresh");
        }
        Set<String> kept = t.equals("none") ? Set.of() : names(t);
        if (!t.equals("none") && (kept.isEmpty() || !TOKEN_KINDS.containsAll(kept))) {
            throw new IllegalArgumentException("must be auto, none, or a list of id, access, refresh");
        }
        if (endSession && !kept.contains("id")) {
            throw new IllegalArgumentException("must keep id while oie.postLogoutRedirectUri is set: Okta's end-session "
                    + "endpoint needs the ID token as its hint");
        }
        return kept;
    }

    /** {@code oie.session.claims}: a list of claim names, or {@code *} (null here) for all but the protocol's. */
    public static Set<String> claims(String setting) {
        String c = setting.trim();
        if (c.equals("*")) {
            return null;
        }
        Set<String> names = names(c);
        if (names.isEmpty() || !names.stream().allMatch(n -> n.matches("[\\w.:-]{1,100}"))) {
            throw new IllegalArgumentException("must be * or a list of claim names");
        }
        return names;
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The tokens to keep of {@code all}; their lifetime and scope stay. */
    public TokenSet kept(TokenSet all) {
        return new TokenSet(tokens.contains("id") ? all.idToken() : null, tokens.contains("access") ? all.accessToken() : null,
                tokens.contains("refresh") ? all.refreshToken() : null, all.expiresInSeconds(), all.scope());
    }

    /** The claims to keep of {@code all}, in their order. */
    public Map<String, Object> kept(Map<String, Object> all) {
        Map<String, Object> out = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (claims == null ? !PROTOCOL_CLAIMS.contains(name) : claims.contains(name)) {
                out.put(name, value);
            }
        });
        return out;
    }
}
