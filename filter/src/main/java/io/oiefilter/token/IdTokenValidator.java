package io.oiefilter.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Validates ID tokens with Nimbus JOSE+JWT: RS256 signature against the issuer's JWKS (cached,
 * refetched when an unknown key id shows up), exact iss, aud containing our client id (and azp
 * naming us when aud names others too, as OpenID Connect Core 3.1.3.7 says), exp and iat with a
 * small clock skew (a token issued in the future is refused), and the nonce we sent. Keys that
 * cannot be fetched are an outage ({@link IOException}), not a bad token.
 */
public final class IdTokenValidator {
    private static final Set<String> REQUIRED = Set.of("iss", "sub", "aud", "exp", "iat");
    /** How far apart our clock and Okta's may be. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;
    private final JWSVerificationKeySelector<SecurityContext> keySelector;

    public IdTokenValidator(ProviderMetadata metadata, String clientId, Duration timeout) {
        this.issuer = metadata.issuer().toString();
        this.clientId = clientId;
        int ms = (int) timeout.toMillis();
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(metadata.jwksUri().toURL(), new DefaultResourceRetriever(ms, ms, 256 * 1024))
                    .cache(true)
                    .build();
            this.keySelector = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("jwks_uri is not a URL: " + metadata.jwksUri(), e);
        }
    }

    /**
     * @param expectedNonce the nonce sent on /v1/interact; null for an ID token from the refresh-token grant,
     *                      which carries none
     */
    public JWTClaimsSet validate(String idToken, String expectedNonce) throws InvalidIdTokenException, IOException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keySelector);
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder().issuer(issuer);
        if (expectedNonce != null) {
            exact.claim("nonce", expectedNonce);
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId, exact.build(), REQUIRED));
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (JWKSetUnavailableException | RemoteKeySourceException e) {
            // Fetching or reading the JWKS failed; a key id that is not there (even after the refetch
            // Nimbus allows itself) is a bad token below.
            throw new IOException("the issuer's keys cannot be read: " + e.getMessage(), e);
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException | java.text.ParseException e) {
            throw new InvalidIdTokenException("ID token rejected: " + e.getMessage(), e);
        }
        checkAuthorizedParty(claims);
        if (claims.getIssueTime().toInstant().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new InvalidIdTokenException("ID token rejected: issued in the future (iat " + claims.getIssueTime().toInstant() + ")", null);
        }
        return claims;
    }

    private void checkAuthorizedParty(JWTClaimsSet claims) throws InvalidIdTokenException {
        String azp;
        try {
            azp = claims.getStringClaim("azp");
        } catch (java.text.ParseException e) {
            throw new InvalidIdTokenException("ID token rejected: azp is not a string", e);
        }
        if (azp != null && !azp.equals(clientId)) {
            throw new InvalidIdTokenException("ID token rejected: issued to another party (azp)", null);
        }
        if (azp == null && claims.getAudience().size() > 1) {
            throw new InvalidIdTokenException("ID token rejected: several audiences and no azp naming this client", null);
        }
    }
}
