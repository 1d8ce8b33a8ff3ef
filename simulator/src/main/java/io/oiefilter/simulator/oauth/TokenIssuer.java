package io.oiefilter.simulator.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs ID and access tokens with an RS256 key generated at start, published as the JWKS. */
public final class TokenIssuer {
    private final String issuer;
    private final Clock clock;
    /** The org's identity provider id ({@code idp}): one per org, as Okta's tokens of one org all carry the same. */
    private final String idp = "00o" + Org.randomString(17);
    private volatile RSAKey key;
    private volatile RSAKey previous;

    public TokenIssuer(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.key = newKey();
    }

    /**
     * {@code at_hash}: the left half of the SHA-256 of the access token's ASCII, base64url without padding (OpenID
     * Connect Core 3.1.3.6 for RS256), so a client can tell the access token came with this ID token.
     */
    static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(Org.randomString(43)).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the signing key", e);
        }
    }

    /** Signs with a new key from now on; the JWKS publishes both, as Okta does during a rotation. */
    public synchronized void rotateKey() {
        previous = key;
        key = newKey();
    }

    /** Reads a token this issuer signed; empty if the signature, issuer or expiry is wrong. */
    public java.util.Optional<JWTClaimsSet> verify(String token) {
        return verifyIgnoringExpiry(token).filter(c -> c.getExpirationTime() != null
                && c.getExpirationTime().toInstant().isAfter(clock.instant()));
    }

    /** As {@link #verify} but accepting an expired token, as id_token_hint may be. */
    public java.util.Optional<JWTClaimsSet> verifyIgnoringExpiry(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))) {
                return java.util.Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            return issuer.equals(c.getIssuer()) ? java.util.Optional.of(c) : java.util.Optional.empty();
        } catch (java.text.ParseException | JOSEException e) {
            return java.util.Optional.empty();
        }
    }

    public String jwks() {
        RSAKey old = previous;
        return (old == null ? new JWKSet(key.toPublicJWK()) : new JWKSet(java.util.List.of(key.toPublicJWK(), old.toPublicJWK()))).toString();
    }

    public String issuer() {
        return issuer;
    }

    /** The ID token for a grant, bound to the access token issued with it (null when there is none). */
    public String idToken(Grant g, String accessToken) {
        OrgUser user = g.user();
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user.id())
                .claim("ver", 1)
                .issuer(issuer)
                .audience(g.app().clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(g.app().tokenLifetime())))
                .jwtID("ID." + Org.randomString(40))
                .claim("amr", g.amr())
                .claim("idp", idp)
                .claim("auth_time", now.getEpochSecond());
        if (accessToken != null) {
            claims.claim("at_hash", accessTokenHash(accessToken));
        }
        if (g.nonce() != null && !g.nonce().isEmpty()) {
            claims.claim("nonce", g.nonce());
        }
        if (g.scopes().contains("profile")) {
            claims.claim("name", user.displayName()).claim("preferred_username", user.login());
        }
        if (g.scopes().contains("email")) {
            claims.claim("email", user.email()).claim("email_verified", true);
        }
        // The default authorization server of the demo org has a "groups" claim for ID tokens.
        claims.claim("groups", user.groups());
        return sign(claims.build(), null);
    }

    public String accessToken(Grant g) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("ver", 1)
                .jwtID("AT." + Org.randomString(40))
                .issuer(issuer)
                .audience("api://default")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(g.app().tokenLifetime())))
                .claim("cid", g.app().clientId())
                .claim("uid", g.user().id())
                .claim("scp", g.scopes())
                .claim("auth_time", now.getEpochSecond())
                .subject(g.user().login())
                .build();
        return sign(claims, JOSEObjectType.JWT);
    }

    /** Signs any claims with the org's key: for tests of how relying parties validate tokens. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, null);
    }

    private String sign(JWTClaimsSet claims, JOSEObjectType type) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
            if (type != null) {
                header.type(type);
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
