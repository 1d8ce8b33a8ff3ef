package io.oiefilter.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.oiefilter.SimulatorFixture;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ID tokens are checked against the simulator's discovery document and JWKS, over HTTP. */
class IdTokenValidatorTest {
    private static Simulator sim;
    private static IdTokenValidator validator;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(Org.defaultSeed(), 0);
        validator = new OidcProvider(URI.create(sim.issuer()), SimulatorFixture.CLIENT_ID, Duration.ofSeconds(5)).idTokenValidator();
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(sim.issuer()).subject("00u1").audience(SimulatorFixture.CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", "n1");
    }

    @Test
    void aTokenFromTheIssuerIsAccepted() throws Exception {
        JWTClaimsSet c = validator.validate(sim.tokens().sign(claims().build()), "n1");
        assertEquals("00u1", c.getSubject());
    }

    @Test
    void wrongNonceIsRejected() {
        String token = sim.tokens().sign(claims().build());
        assertThrows(InvalidIdTokenException.class, () -> validator.validate(token, "another-nonce"));
        String noNonce = sim.tokens().sign(claims().claim("nonce", null).build());
        assertThrows(InvalidIdTokenException.class, () -> validator.validate(noNonce, "n1"));
    }

    @Test
    void wrongAudienceOrIssuerIsRejected() {
        assertThrows(InvalidIdTokenException.class,
                () -> validator.validate(sim.tokens().sign(claims().audience("someone-else").build()), "n1"));
        assertThrows(InvalidIdTokenException.class,
                () -> validator.validate(sim.tokens().sign(claims().issuer("https://evil.example/oauth2/default").build()), "n1"));
    }

    @Test
    void expiredIsRejected() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String token = sim.tokens().sign(claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(600))).build());
        assertThrows(InvalidIdTokenException.class, () -> validator.validate(token, "n1"));
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID()).build(), claims().build());
        forged.sign(new RSASSASigner(attacker));
        assertThrows(InvalidIdTokenException.class, () -> validator.validate(forged.serialize(), "n1"));
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims().build()).serialize();
        assertThrows(InvalidIdTokenException.class, () -> validator.validate(unsigned, "n1"));
    }

    @Test
    void anUnknownKeyIdMakesTheValidatorFetchTheKeysAgain() throws Exception {
        validator.validate(sim.tokens().sign(claims().build()), "n1"); // keys cached
        int fetches = sim.requestLog().countOf("keys");
        sim.tokens().rotateKey();
        JWTClaimsSet c = validator.validate(sim.tokens().sign(claims().build()), "n1");
        assertEquals("00u1", c.getSubject());
        assertEquals(fetches + 1, sim.requestLog().countOf("keys"), "fetched once more, for the new key id");
    }

    @Test
    void anotherAudienceBesidesUsNeedsAnAzpNamingUs() throws Exception {
        String shared = sim.tokens().sign(claims().audience(java.util.List.of(SimulatorFixture.CLIENT_ID, "another-client")).build());
        assertThrows(InvalidIdTokenException.class, () -> validator.validate(shared, "n1"));
        String forOther = sim.tokens().sign(claims().audience(java.util.List.of(SimulatorFixture.CLIENT_ID, "another-client"))
                .claim("azp", "another-client").build());
        assertThrows(InvalidIdTokenException.class, () -> validator.validate(forOther, "n1"));
        String forUs = sim.tokens().sign(claims().audience(java.util.List.of(SimulatorFixture.CLIENT_ID, "another-client"))
                .claim("azp", SimulatorFixture.CLIENT_ID).build());
        assertEquals("00u1", validator.validate(forUs, "n1").getSubject());
        String wrongAzp = sim.tokens().sign(claims().claim("azp", "another-client").build());
        assertThrows(InvalidIdTokenException.class, () -> validator.validate(wrongAzp, "n1"));
    }

    @Test
    void aTokenIssuedInTheFutureIsRejectedBeyondASmallClockSkew() throws Exception {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        String future = sim.tokens().sign(claims().issueTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(600))).build());
        assertThrows(InvalidIdTokenException.class, () -> validator.validate(future, "n1"));
        Instant skewed = Instant.now().plusSeconds(20);
        String slightlyAhead = sim.tokens().sign(claims().issueTime(Date.from(skewed)).build());
        assertEquals("00u1", validator.validate(slightlyAhead, "n1").getSubject(), "20 s of clock difference is tolerated");
    }

    @Test
    void keysThatCannotBeFetchedAreAnOutageNotABadToken() throws Exception {
        IdTokenValidator fresh = new OidcProvider(URI.create(sim.issuer()), SimulatorFixture.CLIENT_ID, Duration.ofSeconds(5))
                .idTokenValidator(); // nothing cached yet
        sim.faults().inject("keys", io.oiefilter.simulator.faults.Fault.status(503));
        try {
            assertThrows(java.io.IOException.class, () -> fresh.validate(sim.tokens().sign(claims().build()), "n1"));
        } finally {
            sim.faults().clear();
        }
    }
}
