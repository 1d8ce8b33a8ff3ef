package io.oiefilter.idx.okta;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.idx.TokenSet;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the port adds to okta-idx-java 2.0.0, against the simulator over HTTP. */
class OktaIdxPortTest {
    private Simulator sim;
    private OktaIdxPort port;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        port = new OktaIdxPort(SimulatorFixture.config(sim, OieConfig.SCOPES, "openid profile email offline_access"));
    }

    @AfterEach
    void stop() {
        port.close();
        sim.stop();
    }

    @Test
    void aTransactionSaysWhenOktaForgetsIt() throws IdxException {
        IdxStep step = port.begin().step();
        assertNotNull(step.expiresAt(), "2.0.0 drops expiresAt; the port reads it from the raw answer");
        assertTrue(step.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(50))), step.expiresAt().toString());
    }

    @Test
    void everyCallIsMadeInTheLanguageOfThePageAndOnlyThatLanguage() throws IdxException {
        IdxTransaction tx;
        try (io.oiefilter.i18n.OktaLanguage.Scope ignored = io.oiefilter.i18n.OktaLanguage.speaking(java.util.Locale.GERMANY)) {
            tx = port.begin(); // interact (our own HTTP) and introspect (the SDK's, on a pool thread)
            tx = tx.withStep(port.identify(tx, SimulatorFixture.ALICE, null));
            port.answer(tx, "wrong-password".toCharArray()); // a refusal is asked for in German too
        } catch (IdxException refused) {
            assertEquals(IdxException.Kind.REJECTED, refused.kind());
        }
        java.util.Map<String, java.util.Map<String, Integer>> asked = sim.requestLog().languageSnapshot();
        for (String endpoint : List.of("interact", "introspect", "identify", "challenge/answer")) {
            assertEquals(java.util.Map.of("de-DE", 1), asked.get(endpoint), endpoint + " in " + asked);
        }
        assertNull(io.oiefilter.i18n.OktaLanguage.current(), "the scope is closed");

        sim.requestLog().reset();
        port.begin(); // outside a request's scope (a pool thread keeps nothing from an earlier call): Okta's default
        assertEquals(java.util.Map.of("", 1), sim.requestLog().languageSnapshot().get("introspect"));
    }

    @Test
    void aRateLimitedIntrospectIsARateLimitWithOktasResetTime() throws IdxException {
        IdxTransaction tx = port.begin();
        sim.rateLimits().limit("introspect", 0, Duration.ofSeconds(120));
        IdxException e = assertThrows(IdxException.class, () -> port.introspect(tx));
        assertEquals(IdxException.Kind.RATE_LIMITED, e.kind(), "a 429 is not an outage");
        assertTrue(e.retryAfterSeconds() > 60 && e.retryAfterSeconds() <= 120, "from X-Rate-Limit-Reset: " + e.retryAfterSeconds());
    }

    @Test
    void aRateLimitedStepCarriesOktasResetTime() throws IdxException {
        IdxTransaction tx = port.begin();
        sim.rateLimits().limit("identify", 0, Duration.ofSeconds(300));
        IdxException e = assertThrows(IdxException.class, () -> port.identify(tx, SimulatorFixture.ALICE, null));
        assertEquals(IdxException.Kind.RATE_LIMITED, e.kind());
        assertTrue(e.retryAfterSeconds() > 240 && e.retryAfterSeconds() <= 300, "from X-Rate-Limit-Reset: " + e.retryAfterSeconds());
    }

    @Test
    void tokensAreRefreshedWithTheRefreshTokenAndARevokedOneIsRejected() throws IdxException {
        IdxTransaction tx = port.begin();
        tx = tx.withStep(port.identify(tx, SimulatorFixture.ALICE, null));
        tx = tx.withStep(port.answer(tx, SimulatorFixture.ALICE_PASSWORD.toCharArray()));
        TokenSet first = port.redeem(tx);
        assertNotNull(first.refreshToken(), "offline_access was asked for");
        TokenSet renewed = port.refresh(first.refreshToken());
        assertNotEquals(first.accessToken(), renewed.accessToken());
        assertNotNull(renewed.idToken());
        assertTrue(renewed.expiresInSeconds() > 0);

        port.revoke(first.refreshToken(), "refresh_token");
        IdxException e = assertThrows(IdxException.class, () -> port.refresh(first.refreshToken()));
        assertEquals(IdxException.Kind.REJECTED, e.kind(), "invalid_grant: sign in again");
    }

    @Test
    void anOutageOnRefreshIsNotARejection() {
        sim.faults().inject("token", io.oiefilter.simulator.faults.Fault.status(503));
        IdxException e = assertThrows(IdxException.class, () -> port.refresh("any"));
        assertEquals(IdxException.Kind.UNAVAILABLE, e.kind());
    }
}
