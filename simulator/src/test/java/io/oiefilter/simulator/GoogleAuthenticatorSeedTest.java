package io.oiefilter.simulator;

import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Google Authenticator in the seed: absent from the default org; present, with policy and secrets, where a seed says. */
class GoogleAuthenticatorSeedTest extends SimulatorTestBase {

    @Test
    void theDefaultOrgHasNoGoogleAuthenticator() {
        Org org = Org.defaultSeed();
        assertFalse(org.authenticatorActive(AuthenticatorKind.GOOGLE_OTP));
        assertEquals(Requirement.NOT_ALLOWED, org.enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP));
        assertEquals(Requirement.REQUIRED, org.enrollmentPolicy(AuthenticatorKind.PASSWORD));
        assertEquals(Requirement.OPTIONAL, org.enrollmentPolicy(AuthenticatorKind.EMAIL));
        for (OrgUser u : org.users()) {
            assertNull(u.totpSecret(), u.login());
            assertFalse(u.enrolled(AuthenticatorKind.GOOGLE_OTP));
        }
        for (String clientId : new String[] {"0oa-demo-web-app", "0oa-demo-public-app"}) {
            assertEquals(Set.of(), org.app(clientId).orElseThrow().secondFactors(), clientId);
        }
    }

    /** Over HTTP, the default org's enrollment and second-factor choices are what they were: email, and nothing else. */
    @Test
    void theDefaultOrgOffersNothingNewOverHttp() throws Exception {
        OrgUser u = sim.org().createUser("plain@example.com", "plain@example.com", "Pl", "Ain", java.util.List.of(), "Plain-Pass-2026",
                io.oiefilter.simulator.org.UserStatus.ACTIVE, false, java.time.Instant.now());
        SimulatorClient.Answer id = client.identify(client.introspect(client.interact()).body().get("stateHandle").asText(), u.login(), null);
        SimulatorClient.Answer select = client.answer(id.body().get("stateHandle").asText(), "Plain-Pass-2026");
        assertEquals(java.util.List.of("select-authenticator-enroll", "skip"), SimulatorClient.remediationNames(select.body()));
        assertEquals(1, select.body().at("/remediation/value/0/value/0/options").size(), select.body().toString());
        assertEquals("Email", select.body().at("/remediation/value/0/value/0/options/0/label").asText());
        assertFalse(select.body().toString().contains("google_otp"), select.body().toString());
        SimulatorClient.Answer enroll = client.select("credential/enroll", select.body(), "email");
        assertFalse(enroll.body().toString().contains("google_otp"), enroll.body().toString());
        assertFalse(enroll.body().toString().contains("contextualData"), enroll.body().toString());
        assertEquals(400, client.idx("credential/enroll", enroll.body().get("stateHandle").asText(),
                "\"authenticator\":{\"id\":\"" + sim.org().authenticatorId(AuthenticatorKind.GOOGLE_OTP) + "\"}").status(),
                "not choosable either");
    }

    @Test
    void aSeedAddsItWithPolicySecondFactorAndSecrets() {
        String seed = """
                {"authenticators": {"password": {}, "email": {}, "google_otp": {}},
                 "enrollmentPolicy": {"okta_password": "REQUIRED", "okta_email": "OPTIONAL", "google_otp": "REQUIRED"},
                 "apps": [{"clientId": "c1", "clientSecret": "s", "redirectUris": ["http://localhost/cb"],
                           "secondFactors": ["google_otp", "okta_email"]},
                          {"clientId": "c2", "redirectUris": ["http://localhost/cb"], "requireEmailCode": true}],
                 "users": [{"login": "gina@example.com", "password": "Gina-2026!", "googleOtpSecret": "JBSWY3DPEHPK3PXP"},
                           {"login": "hal@example.com", "password": "Hal-2026!"}]}
                """;
        Org org = Org.fromSeed(new ByteArrayInputStream(seed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(org.authenticatorActive(AuthenticatorKind.GOOGLE_OTP));
        assertEquals(Requirement.REQUIRED, org.enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP));
        OrgApp c1 = org.app("c1").orElseThrow();
        assertEquals(Set.of(AuthenticatorKind.GOOGLE_OTP, AuthenticatorKind.EMAIL), c1.secondFactors());
        assertTrue(c1.requireEmailCode(), "the email second factor is what requireEmailCode means");
        assertEquals(Set.of(AuthenticatorKind.EMAIL), org.app("c2").orElseThrow().secondFactors());
        assertEquals("JBSWY3DPEHPK3PXP", org.userByLogin("gina@example.com").orElseThrow().totpSecret());
        assertTrue(org.userByLogin("gina@example.com").orElseThrow().enrolled(AuthenticatorKind.GOOGLE_OTP));
        assertFalse(org.userByLogin("hal@example.com").orElseThrow().enrolled(AuthenticatorKind.GOOGLE_OTP));
    }

    @Test
    void anEnrollmentPolicyAddsItAndRemovingItDisallowsEnrolling() {
        Org org = Org.defaultSeed();
        org.enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP, Requirement.OPTIONAL);
        assertTrue(org.authenticatorActive(AuthenticatorKind.GOOGLE_OTP));
        org.authenticatorActive(AuthenticatorKind.GOOGLE_OTP, false);
        assertEquals(Requirement.NOT_ALLOWED, org.enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP));
    }
}
