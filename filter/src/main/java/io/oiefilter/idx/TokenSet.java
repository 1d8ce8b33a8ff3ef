package io.oiefilter.idx;

import java.io.Serializable;

/** Tokens from the token endpoint. toString never shows them. */
public record TokenSet(String idToken, String accessToken, String refreshToken, long expiresInSeconds, String scope)
        implements Serializable {
    @Override
    public String toString() {
        return "TokenSet{scope=" + scope + ", expiresIn=" + expiresInSeconds + ", refreshToken=" + (refreshToken != null) + "}";
    }
}
