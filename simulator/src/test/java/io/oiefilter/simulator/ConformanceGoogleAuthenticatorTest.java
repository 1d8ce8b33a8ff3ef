package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.Totp;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.oiefilter.simulator.Fixtures.assertShape;
import static io.oiefilter.simulator.SimulatorClient.ION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Google Authenticator's states and errors against the widget's five recordings of them (tolerances in Fixtures). */
class ConformanceGoogleAuthenticatorTest extends SimulatorTestBase {
    private static final String WIDGET = "okta-signin-widget/playground/mocks/data/idp/idx/";

    @BeforeEach
    void recordedOrg() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().selfServiceRegistration(false);
        sim.org().selfServiceUnlock(false);
    }

    @AfterEach
    void reset() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of());
        sim.org().authenticatorActive(AuthenticatorKind.GOOGLE_OTP, false);
    }

    private static String sh(Answer a) {
        return a.body().get("stateHandle").asText();
    }

    private static Answer afterPassword(OrgUser u, String password) throws Exception {
        Answer id = client.identify(sh(client.introspect(client.interact())), u.login(), null);
        return client.answer(sh(id), password);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void enrollment() throws Exception {
        // As recorded: Google Authenticator required, the only authenticator left to enroll (so no skip).
        sim.org().enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP, Requirement.REQUIRED);
        OrgUser u = sim.org().createUser("ga-enroll@example.com", "ga-enroll@example.com", "Ga", "Enroll", List.of(), "Ga-Enroll-2026",
                UserStatus.ACTIVE, true, Instant.now());
        Answer select = afterPassword(u, "Ga-Enroll-2026");
        Answer enroll = client.select("credential/enroll", select.body(), "otp");
        assertShape(WIDGET + "authenticator-enroll-google-authenticator.json", enroll, 200, ION);
        String secret = enroll.body().at("/currentAuthenticator/value/contextualData/sharedSecret").asText();

        Answer invalid = client.answer(sh(enroll), wrong(Totp.code(secret, sim.clock().instant())));
        assertShape(WIDGET + "error-authenticator-enroll-google-invalid-otp.json", invalid, 401, ION);

        Answer done = client.answer(sh(invalid), Totp.code(secret, sim.clock().instant()));
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
    }

    @Test
    void verification() throws Exception {
        sim.org().enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP, Requirement.OPTIONAL);
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.GOOGLE_OTP));
        OrgUser u = sim.org().createUser("ga-verify@example.com", "ga-verify@example.com", "Ga", "Verify", List.of(), "Ga-Verify-2026",
                UserStatus.ACTIVE, true, Instant.now());
        String secret = Totp.newSecret();
        u.enrollTotp(secret, Instant.now());
        Answer select = afterPassword(u, "Ga-Verify-2026");
        Answer challenge = client.select("challenge", select.body(), "otp");
        assertShape(WIDGET + "authenticator-verification-google-authenticator.json", challenge, 200, ION);

        Answer invalid = client.answer(sh(challenge), wrong(Totp.code(secret, sim.clock().instant())));
        assertShape(WIDGET + "error-authenticator-verification-on-google-otp-invalid-passcode.json", invalid, 401, ION);

        String code = Totp.code(secret, sim.clock().instant());
        JsonNode done = client.answer(sh(invalid), code).body();
        assertTrue(done.has("successWithInteractionCode"), done.toString());

        Answer again = client.select("challenge", afterPassword(u, "Ga-Verify-2026").body(), "otp");
        Answer used = client.answer(sh(again), code);
        assertShape(WIDGET + "error-authenticator-verification-on-google-otp-used-passcode.json", used, 401, ION);
        assertEquals("authfactor.challenge.soft_token.used_passcode",
                used.body().at("/remediation/value/0/value/0/form/value/0/messages/value/0/i18n/key").asText());
    }
}
