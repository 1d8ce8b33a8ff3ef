package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.SignOnMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.oiefilter.simulator.Fixtures.assertShape;
import static io.oiefilter.simulator.SimulatorClient.ION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A new password refused: Okta's own reason, under the passcode field (no top-level messages), with
 * the recorded text, i18n key and params, so that the filter can show it as Okta words it.
 */
class ConformancePasswordTest extends SimulatorTestBase {
    private static final String MESSAGE = "/remediation/value/0/value/0/form/value/0/messages/value/0";

    @BeforeEach
    void identifierFirst() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    private static String sh(Answer a) {
        return a.body().get("stateHandle").asText();
    }

    private Answer resetForm() throws Exception {
        Answer identify = client.identify(sh(client.introspect(client.interact())), "alice@example.com", null);
        Answer recover = client.idx("recover", sh(identify), "");
        Answer challenge = client.select("challenge", recover.body(), "email");
        return client.answer(sh(challenge), client.latestCode("alice@example.com"));
    }

    @Test
    void requirementsNotMet() throws Exception {
        Answer weak = client.answer(sh(resetForm()), "weak");
        assertShape("okta-signin-widget/playground/mocks/data/idp/idx/error-authenticator-reset-password-requirement.json", weak, 400, ION);
        JsonNode m = weak.body().at(MESSAGE);
        String detail = "Password requirements: at least 8 characters, a lowercase letter, an uppercase letter, a number, "
                + "no parts of your username.";
        assertEquals("Password requirements were not met. " + detail, m.get("message").asText());
        assertEquals("password.passwordRequirementsNotMet", m.at("/i18n/key").asText());
        assertEquals(1, m.at("/i18n/params").size());
        assertEquals(detail, m.at("/i18n/params/0").asText());
        assertEquals("ERROR", m.get("class").asText());
        assertFalse(weak.body().has("messages"), "under the field only");
    }

    @Test
    void theWholePolicyIsListedWhateverWasMissed() throws Exception {
        Answer noDigit = client.answer(sh(resetForm()), "NoDigitsHere");
        assertEquals(weakMessage(), noDigit.body().at(MESSAGE + "/message").asText());
    }

    private static String weakMessage() {
        return "Password requirements were not met. Password requirements: at least 8 characters, a lowercase letter, "
                + "an uppercase letter, a number, no parts of your username.";
    }

    @Test
    void commonPassword() throws Exception {
        Answer common = client.answer(sh(resetForm()), "Welcome123");
        assertEquals(400, common.status());
        JsonNode m = common.body().at(MESSAGE);
        assertEquals("This password was found in a list of commonly used passwords. Please try another password.",
                m.get("message").asText());
        assertEquals("password.common", m.at("/i18n/key").asText());
        assertEquals("[\"\"]", m.at("/i18n/params").toString(), "one empty param, as recorded");
        assertFalse(common.body().has("messages"));
        assertEquals("reset-authenticator", common.body().at("/remediation/value/0/name").asText(), "the same form again");
    }

    @Test
    void commonPasswordsAreAllowedWhenTheCheckIsOff() throws Exception {
        io.oiefilter.simulator.org.PasswordPolicy p = sim.org().passwordPolicy();
        sim.org().passwordPolicy(new io.oiefilter.simulator.org.PasswordPolicy(p.minLength(), p.minLowerCase(), p.minUpperCase(),
                p.minNumber(), p.minSymbol(), p.excludeUsername(), p.maxAttempts(), false));
        try {
            Answer done = client.answer(sh(resetForm()), "Welcome123");
            assertEquals(200, done.status(), done.body().toString());
        } finally {
            sim.org().passwordPolicy(p);
            sim.org().userByLogin("alice@example.com").orElseThrow().password("Wonderland-2026!", java.time.Instant.now());
        }
    }
}
