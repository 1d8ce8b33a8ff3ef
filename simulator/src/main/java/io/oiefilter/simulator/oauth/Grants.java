package io.oiefilter.simulator.oauth;

import io.oiefilter.simulator.org.Org;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Refresh tokens and the revocation list. Access and ID tokens are JWTs and carry their own grant. */
public final class Grants {
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedAccessTokens = ConcurrentHashMap.newKeySet();

    public String newRefreshToken(Grant g) {
        String token = Org.randomString(43);
        refreshTokens.put(token, g);
        return token;
    }

    public Optional<Grant> refresh(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(refreshTokens.get(token));
    }

    /** RFC 7009: unknown tokens are not an error. */
    public void revoke(String token) {
        if (token != null && refreshTokens.remove(token) == null) {
            revokedAccessTokens.add(token);
        }
    }

    public boolean revoked(String accessToken) {
        return revokedAccessTokens.contains(accessToken);
    }
}
