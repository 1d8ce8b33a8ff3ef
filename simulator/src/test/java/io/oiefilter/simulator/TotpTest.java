package io.oiefilter.simulator;

import io.oiefilter.simulator.org.Totp;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TOTP helper against RFC 6238's SHA1 test vectors (the last six of their eight digits). */
class TotpTest {
    /** RFC 6238's SHA1 seed, the ASCII "12345678901234567890", in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void rfc6238Vectors() {
        assertEquals("287082", Totp.code(RFC_SECRET, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111111)));
        assertEquals("005924", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1234567890)));
        assertEquals("279037", Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000)));
        assertEquals("353130", Totp.code(RFC_SECRET, Instant.ofEpochSecond(20000000000L)));
    }

    @Test
    void lowerCaseAndSpacedSecretsAreTheSame() {
        Instant at = Instant.ofEpochSecond(1234567890);
        assertEquals(Totp.code(RFC_SECRET, at), Totp.code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", at));
    }

    @Test
    void oneStepOfDriftEitherWayIsAccepted() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertEquals(step - 1, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(30)), now).getAsLong());
        assertEquals(step + 1, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(30)), now).getAsLong());
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(90)), now).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, "12345", now).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, null, now).isEmpty());
    }

    @Test
    void newSecretsAreSixteenBase32Characters() {
        String s = Totp.newSecret();
        assertTrue(s.matches("[A-Z2-7]{16}"), s);
        assertEquals(6, Totp.code(s, Instant.now()).length());
    }

    @Test
    void keyUri() {
        assertEquals("otpauth://totp/org.example:ann%40example.com?secret=ABC&issuer=org.example&algorithm=SHA1&digits=6&period=30",
                Totp.keyUri("org.example", "ann@example.com", "ABC"));
    }
}
