package io.oiefilter.simulator;

import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security question in the seed: absent from the default org; present, with policy and answers, where a seed says. */
class SecurityQuestionSeedTest extends SimulatorTestBase {

    @Test
    void theDefaultOrgHasNoSecurityQuestion() throws Exception {
        Org org = Org.defaultSeed();
        assertFalse(org.authenticatorActive(AuthenticatorKind.SECURITY_QUESTION));
        assertEquals(Requirement.NOT_ALLOWED, org.enrollmentPolicy(AuthenticatorKind.SECURITY_QUESTION));
        for (OrgUser u : org.users()) {
            assertNull(u.securityQuestion(), u.login());
        }
        OrgUser u = sim.org().createUser("plain-sq@example.com", "plain-sq@example.com", "Pl", "Ain", java.util.List.of(), "Plain-Pass-2026",
                io.oiefilter.simulator.org.UserStatus.ACTIVE, false, Instant.now());
        SimulatorClient.Answer id = client.identify(client.introspect(client.interact()).body().get("stateHandle").asText(), u.login(), null);
        SimulatorClient.Answer select = client.answer(id.body().get("stateHandle").asText(), "Plain-Pass-2026");
        assertFalse(select.body().toString().contains("security_question"), select.body().toString());
        assertEquals(400, client.idx("credential/enroll", select.body().get("stateHandle").asText(),
                "\"authenticator\":{\"id\":\"" + sim.org().authenticatorId(AuthenticatorKind.SECURITY_QUESTION) + "\"}").status(),
                "not choosable either");
    }

    @Test
    void aSeedAddsItWithSecondFactorAndAnswers() throws Exception {
        String seed = """
                {"authenticators": {"password": {}, "email": {}, "security_question": {}},
                 "enrollmentPolicy": {"security_question": "OPTIONAL"},
                 "apps": [{"clientId": "c1", "clientSecret": "s", "redirectUris": ["http://localhost/cb"],
                           "secondFactors": ["security_question"]},
                          {"clientId": "c2", "redirectUris": ["http://localhost/cb"], "secondFactors": ["SECURITY_QUESTION"]}],
                 "users": [{"login": "sam@example.com", "password": "Sam-2026!",
                            "securityQuestion": {"questionKey": "disliked_food", "answer": "Liver"}},
                           {"login": "cy@example.com", "password": "Cy-2026!",
                            "securityQuestion": {"questionKey": "custom", "question": "Who let the dogs out?", "answer": "Who who"}}]}
                """;
        Org org = Org.fromSeed(new ByteArrayInputStream(seed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(org.authenticatorActive(AuthenticatorKind.SECURITY_QUESTION));
        assertEquals(Set.of(AuthenticatorKind.SECURITY_QUESTION), org.app("c1").orElseThrow().secondFactors());
        assertEquals(Set.of(AuthenticatorKind.SECURITY_QUESTION), org.app("c2").orElseThrow().secondFactors());
        OrgUser sam = org.userByLogin("sam@example.com").orElseThrow();
        assertEquals(new OrgUser.SecurityQuestion("disliked_food", "What is the food you least liked as a child?"), sam.securityQuestion());
        assertTrue(sam.securityAnswerMatches("liver"));
        OrgUser cy = org.userByLogin("cy@example.com").orElseThrow();
        assertEquals(new OrgUser.SecurityQuestion("custom", "Who let the dogs out?"), cy.securityQuestion());
        assertTrue(cy.securityAnswerMatches("WHO WHO"));
        for (Field f : OrgUser.class.getDeclaredFields()) { // only a hash of the answer is kept
            f.setAccessible(true);
            Object v = f.get(sam);
            assertFalse(v != null && v.toString().toLowerCase().contains("liver"), f.getName());
        }
    }

    @Test
    void refusedEnrollmentsInJava() {
        OrgUser u = Org.defaultSeed().users().iterator().next();
        assertThrows(IllegalArgumentException.class, () -> u.enrollSecurityQuestion("nope", null, "Long enough", Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> u.enrollSecurityQuestion("custom", " ", "Long enough", Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> u.enrollSecurityQuestion("first_award", null, "abc", Instant.now()));
        assertNull(u.securityQuestion());
    }
}
