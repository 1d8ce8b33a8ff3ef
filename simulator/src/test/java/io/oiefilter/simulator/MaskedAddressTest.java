package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Where the emailed code went, as recorded: a challenge of an enrolled email shows the masked address
 * in currentAuthenticatorEnrollment.value.profile.email ("l***a@mailinator.com" in okta-idx-dotnet's
 * captured select-email-response.json: first and last letter of the local part); enrolling an email
 * shows none (okta-idx-java scenario_4_1_1/credential-enroll-email-response.json); nor does the unlock
 * challenge (see UnlockFlowsTest), which must not tell whether the account exists.
 */
class MaskedAddressTest extends SimulatorTestBase {

    private static String sh(JsonNode state) {
        return state.get("stateHandle").asText();
    }

    @Test
    void recoveryChallengeShowsTheMaskedAddress() throws Exception {
        JsonNode password = client.identify(sh(client.introspect(client.interact()).body()), "alice@example.com", null).body();
        JsonNode recover = client.idx("recover", sh(password), "").body();
        assertEquals("a***e@example.com", recover.at("/authenticatorEnrollments/value/0/profile/email").asText(), recover.toString());
        JsonNode challenge = client.select("challenge", recover, "email").body();
        assertEquals("a***e@example.com", challenge.at("/currentAuthenticatorEnrollment/value/profile/email").asText());
        Answer wrong = client.answer(sh(challenge), "not-a-code");
        assertEquals("a***e@example.com", wrong.body().at("/currentAuthenticatorEnrollment/value/profile/email").asText(),
                "still there with the error");
    }

    @Test
    void enrollingAnEmailShowsNoAddress() throws Exception {
        OrgUser u = sim.org().createUser("maskless@example.com", "maskless@example.com", "Mask", "Less", List.of(), "Mask-Less-2026",
                UserStatus.ACTIVE, false, Instant.now());
        JsonNode password = client.identify(sh(client.introspect(client.interact()).body()), u.login(), null).body();
        JsonNode select = client.answer(sh(password), "Mask-Less-2026").body();
        JsonNode enroll = client.select("credential/enroll", select, "email").body();
        assertEquals("email", enroll.at("/currentAuthenticator/value/type").asText(), enroll.toString());
        assertFalse(enroll.at("/currentAuthenticator/value").has("profile"), "as recorded: " + enroll);
        assertFalse(enroll.toString().contains(u.email()), "the address is nowhere in the answer");
    }
}
