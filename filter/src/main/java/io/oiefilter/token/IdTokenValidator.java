package io.oiefilter.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.time.Duration;
import java.util.Set;

/**
 * Validates ID tokens with Nimbus JOSE+JWT: RS256 signature against the issuer's JWKS (cached,
 * refetched when an unknown key id shows up), exact iss, aud containing our client id, exp and
 * iat with a small clock skew, and the nonce we sent.
 */
public final class IdTokenValidator {
    private static final Set<String> REQUIRED = Set.of("iss", "sub", "aud", "exp", "iat");

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

    public JWTClaimsSet validate(String idToken, String expectedNonce) throws InvalidIdTokenException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keySelector);
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder().issuer(issuer);
        if (expectedNonce != null) {
            exact.claim("nonce", expectedNonce);
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId, exact.build(), REQUIRED));
        try {
            return processor.process(idToken, null);
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException | java.text.ParseException e) {
            throw new InvalidIdTokenException("ID token rejected: " + e.getMessage(), e);
        }
    }
}
