package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.PhoneNumbers;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.oiefilter.simulator.Fixtures.assertShape;
import static io.oiefilter.simulator.SimulatorClient.ION;

/**
 * The phone's states and errors against the widget's recordings and okta-idx-java's scenario_4_1_2 (tolerances in
 * Fixtures). The widget's authenticator-enroll-data-phone*.json are hand-made 2020 mocks of a state okta-idx-java
 * recorded from a real org (credential-enroll-phone-response.json), which the simulator follows instead; its
 * scenario_4_1_4 phone-number refusal is an older wording of the widget's 2021 recording, which the simulator follows.
 */
class ConformancePhoneTest extends SimulatorTestBase {
    private static final String WIDGET = "okta-signin-widget/playground/mocks/data/idp/idx/";
    private static final String JAVA = "okta-idx-java/api/src/test/resources/";

    @BeforeEach
    void recordedOrg() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().selfServiceRegistration(false);
        sim.org().selfServiceUnlock(false);
    }

    @AfterEach
    void reset() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of());
        sim.org().authenticatorActive(AuthenticatorKind.PHONE, false);
        sim.org().phoneMethods(PhoneNumbers.METHODS);
        sim.clock().reset();
    }

    private static OrgUser user(String login) {
        return sim.org().createUser(login, login, "Ph", "Conf", List.of(), "Ph-Conf-2026", UserStatus.ACTIVE, true, Instant.now());
    }

    private static JsonNode afterPassword(OrgUser u) throws Exception {
        Answer id = client.identify(client.introspect(client.interact()).body().get("stateHandle").asText(), u.login(), null);
        return client.answer(id.body().get("stateHandle").asText(), "Ph-Conf-2026").body();
    }

    @Test
    void enrollment() throws Exception {
        // As the recordings: the phone required (no skip), the only authenticator left to enroll.
        sim.org().enrollmentPolicy(AuthenticatorKind.PHONE, Requirement.REQUIRED);
        OrgUser u = user("ph-conf-enroll@example.com");
        Answer data = PhoneFlowsTest.phone("credential/enroll", afterPassword(u), "");
        Answer refused = PhoneFlowsTest.phone("credential/enroll", data.body(), "\"methodType\":\"sms\",\"phoneNumber\":\"+1 000\"");
        assertShape(WIDGET + "error-authenticator-enroll-phone-invalid-number.json", refused, 400, ION);
        Answer sms = PhoneFlowsTest.phone("credential/enroll", refused.body(), "\"methodType\":\"sms\",\"phoneNumber\":\"+14155550142\"");
        assertShape(WIDGET + "authenticator-enroll-phone.json", sms, 200, ION);
        Answer wrong = client.answer(sms.body().get("stateHandle").asText(), "not-the-code");
        assertShape(WIDGET + "error-authenticator-enroll-phone-invalid-otp.json", wrong, 401, ION);
        Answer voice = PhoneFlowsTest.phone("credential/enroll", wrong.body(), "\"methodType\":\"voice\",\"phoneNumber\":\"+14155550142\"");
        assertShape(WIDGET + "authenticator-enroll-phone-voice.json", voice, 200, ION);
    }

    @Test
    void enrollmentAsOktaIdxJavaRecordedIt() throws Exception {
        // As okta-idx-java's scenario_4_1_2: the phone optional (skip offered).
        sim.org().enrollmentPolicy(AuthenticatorKind.PHONE, Requirement.OPTIONAL);
        Answer data = PhoneFlowsTest.phone("credential/enroll", afterPassword(user("ph-conf-java@example.com")), "");
        assertShape(JAVA + "scenario_4_1_2/credential-enroll-phone-response.json", data, 200, ION);
        Answer sms = PhoneFlowsTest.phone("credential/enroll", data.body(), "\"methodType\":\"sms\",\"phoneNumber\":\"+14155550143\"");
        assertShape(JAVA + "scenario_4_1_2/credential-enroll-phone-number-response.json", sms, 200, ION);
    }

    @Test
    void challenge() throws Exception {
        sim.org().enrollmentPolicy(AuthenticatorKind.PHONE, Requirement.OPTIONAL);
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.PHONE));
        OrgUser u = user("ph-conf-verify@example.com");
        u.enrollPhone("+14155552342", Instant.now());
        Answer data = PhoneFlowsTest.phone("challenge", afterPassword(u), "");
        assertShape(WIDGET + "authenticator-verification-data-phone-sms-then-voice.json", data, 200, ION);
        Answer sms = PhoneFlowsTest.phone("challenge", data.body(), "\"methodType\":\"sms\"");
        assertShape(WIDGET + "authenticator-verification-phone-sms.json", sms, 200, ION);
        Answer wrong = client.answer(sms.body().get("stateHandle").asText(), "not-the-code");
        assertShape(WIDGET + "error-authenticator-challenge-phone-invalid-otp.json", wrong, 401, ION);
        Answer limited = client.idx("challenge/resend", sms.body().get("stateHandle").asText(), "");
        assertShape(WIDGET + "error-authenticator-phone-sms-ratelimit.json", limited, 429, ION);
    }

    @Test
    void voiceOnlyChallenge() throws Exception {
        sim.org().phoneMethods(List.of("voice"));
        sim.org().enrollmentPolicy(AuthenticatorKind.PHONE, Requirement.OPTIONAL);
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().secondFactors(Set.of(AuthenticatorKind.PHONE));
        OrgUser u = user("ph-conf-voice@example.com");
        u.enrollPhone("+14155552343", Instant.now());
        Answer data = PhoneFlowsTest.phone("challenge", afterPassword(u), "");
        assertShape(WIDGET + "authenticator-verification-data-phone-voice-only.json", data, 200, ION);
        Answer voice = PhoneFlowsTest.phone("challenge", data.body(), "\"methodType\":\"voice\"");
        assertShape(WIDGET + "authenticator-verification-phone-voice.json", voice, 200, ION);
    }
}
