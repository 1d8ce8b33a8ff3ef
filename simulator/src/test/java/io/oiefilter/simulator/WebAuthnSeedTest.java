package io.oiefilter.simulator;

import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.WebAuthnRelyingParty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebAuthn in the seed: absent from the default org; present, with its relying party, where a seed says. */
class WebAuthnSeedTest {

    @Test
    void theDefaultOrgHasNoWebAuthn() {
        Org org = Org.defaultSeed();
        assertFalse(org.authenticatorActive(AuthenticatorKind.WEBAUTHN));
        assertEquals(Requirement.NOT_ALLOWED, org.enrollmentPolicy(AuthenticatorKind.WEBAUTHN));
        assertEquals(WebAuthnRelyingParty.defaults(), org.webAuthn());
        for (OrgUser u : org.users()) {
            assertTrue(u.webAuthnCredentials().isEmpty(), u.login());
        }
    }

    @Test
    void aSeedAddsItWithItsRelyingParty() {
        String seed = """
                {"authenticators": {"password": {}, "email": {}, "webauthn": {"rpId": "app.localhost", "origins": ["http://app.localhost:8080"]}},
                 "enrollmentPolicy": {"webauthn": "OPTIONAL"}}
                """;
        Org org = Org.fromSeed(new ByteArrayInputStream(seed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(org.authenticatorActive(AuthenticatorKind.WEBAUTHN));
        assertEquals(Requirement.OPTIONAL, org.enrollmentPolicy(AuthenticatorKind.WEBAUTHN));
        assertEquals(new WebAuthnRelyingParty("app.localhost", List.of("http://app.localhost:8080")), org.webAuthn());
        assertTrue(org.webAuthn().allows("http://app.localhost:8080"));
        assertFalse(org.webAuthn().allows("http://app.localhost:8081"), "listed origins only");
    }

    @Test
    void withNoOriginsListedAnyPortOfTheRpIdsHostIsAllowed() {
        WebAuthnRelyingParty rp = WebAuthnRelyingParty.defaults();
        assertTrue(rp.allows("http://localhost:41234"));
        assertTrue(rp.allows("https://localhost"));
        assertFalse(rp.allows("http://127.0.0.1:41234"), "another host");
        assertFalse(rp.allows("http://localhost.evil.example"));
        assertFalse(rp.allows("ftp://localhost"));
        assertFalse(rp.allows("http://localhost/path"));
        assertFalse(rp.allows(""));
        assertThrows(IllegalArgumentException.class, () -> new WebAuthnRelyingParty(" ", List.of()));
    }
}
