package io.oiefilter.idx.okta;

import io.oiefilter.flow.PageContent;
import io.oiefilter.flow.SignInView;
import io.oiefilter.idx.IdxStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phone's recorded steps (widget mocks, okta-idx-java scenario_4_1_2), read as the SDK reads them and mapped to pages. */
class RecordedPhoneStepsTest {
    private static final String WIDGET = "okta-signin-widget/playground/mocks/data/idp/idx/";
    private static final String JAVA = "okta-idx-java/api/src/test/resources/";

    private static IdxStep step(String fixture) throws IOException {
        return RecordedSteps.named(fixture);
    }

    private static PageContent content(String fixture) throws IOException {
        return RecordedSteps.page(fixture);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            WIDGET + "authenticator-enroll-data-phone.json, PHONE",
            WIDGET + "authenticator-enroll-data-phone-voice.json, PHONE",
            JAVA + "scenario_4_1_2/credential-enroll-phone-response.json, PHONE",
            WIDGET + "error-authenticator-enroll-phone-invalid-number.json, PHONE",
            WIDGET + "authenticator-verification-data-phone-sms-then-voice.json, PHONE",
            WIDGET + "authenticator-verification-data-phone-voice-only.json, PHONE",
            WIDGET + "authenticator-enroll-phone.json, CODE",
            WIDGET + "authenticator-enroll-phone-voice.json, CODE",
            JAVA + "scenario_4_1_2/credential-enroll-phone-number-response.json, CODE",
            WIDGET + "error-authenticator-enroll-phone-invalid-otp.json, CODE",
            WIDGET + "authenticator-verification-phone-sms.json, CODE",
            WIDGET + "authenticator-verification-phone-voice.json, CODE",
            WIDGET + "error-authenticator-challenge-phone-invalid-otp.json, CODE",
    })
    void eachRecordedPhoneStepHasItsPage(String fixture, SignInView expected) throws IOException {
        assertEquals(expected, content(fixture).view());
    }

    @Test
    void settingUpAsksTheNumberAndTheMethodsTheOrgAllows() throws IOException {
        PageContent enroll = content(JAVA + "scenario_4_1_2/credential-enroll-phone-response.json");
        assertTrue(enroll.enrolling());
        assertTrue(enroll.phone().asksNumber());
        assertEquals(List.of("sms", "voice"), enroll.phone().methods());
        assertTrue(enroll.skippable(), "the recorded org had the phone optional");
        IdxStep data = step(JAVA + "scenario_4_1_2/credential-enroll-phone-response.json");
        assertEquals("autkx2thbuHB4hZa75d6", data.first().orElseThrow().options().get(0).authenticatorId(),
                "the authenticator the data form is about, to send back");
    }

    @Test
    void verifyingAsksOnlyTheMethodAndShowsTheMaskedNumber() throws IOException {
        PageContent both = content(WIDGET + "authenticator-verification-data-phone-sms-then-voice.json");
        assertFalse(both.phone().asksNumber());
        assertFalse(both.enrolling());
        assertEquals(List.of("sms", "voice"), both.phone().methods());
        assertEquals("+1 XXX-XXX-2342", both.sentTo());
        assertEquals(List.of("voice"), content(WIDGET + "authenticator-verification-data-phone-voice-only.json").phone().methods());
    }

    @Test
    void theCodePageSaysHowTheCodeWentAndOffersResend() throws IOException {
        PageContent sms = content(WIDGET + "authenticator-verification-phone-sms.json");
        assertEquals("sms", sms.phone().sentBy());
        assertEquals("+1 XXX-XXX-2342", sms.sentTo());
        assertEquals("phone_number", sms.authenticatorKey());
        assertEquals("voice", content(WIDGET + "authenticator-verification-phone-voice.json").phone().sentBy());
        PageContent enrollVoice = content(WIDGET + "authenticator-enroll-phone-voice.json");
        assertEquals("voice", enrollVoice.phone().sentBy());
        assertTrue(enrollVoice.enrolling());
        assertTrue(step(WIDGET + "authenticator-enroll-phone.json").current().resendHref().endsWith("/idp/idx/challenge/resend"));
    }

    @Test
    void theSelectPagesOfferThePhone() throws IOException {
        PageContent enroll = content(JAVA + "scenario_4_1_4/credential-enroll-phone-number-response.json");
        assertEquals(SignInView.SELECT, enroll.view());
        assertEquals(List.of("phone_number"), enroll.choices().stream().map(PageContent.Choice::labelKey).toList());
        // Verifying, the recorded org lets the person choose another authenticator; the phone is among them, without a
        // method (its own page asks which).
        PageContent authenticate = content(WIDGET + "authenticator-verification-data-phone-sms-then-voice.json");
        assertTrue(authenticate.choices().stream().anyMatch(c -> c.labelKey().equals("phone_number") && c.type() == null),
                authenticate.choices().toString());
    }

    @Test
    void theRefusedNumberIsOktasMessageAtTheTop() throws IOException {
        IdxStep refused = step(WIDGET + "error-authenticator-enroll-phone-invalid-number.json");
        assertEquals("Invalid Phone Number.", refused.messages().get(0).text());
        assertEquals("api.factors.error.sms.invalid_phone", refused.messages().get(0).i18nKey());
    }
}
