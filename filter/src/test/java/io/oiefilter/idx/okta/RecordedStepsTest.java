package io.oiefilter.idx.okta;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.okta.idx.sdk.api.response.IDXResponse;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignInView;
import io.oiefilter.idx.IdxStep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recorded real Okta responses, read by okta-idx-java 2.0.0's own model as the SDK reads them, mapped
 * by the port to our step, and by the flow to the page a person sees. No container, no network.
 */
class RecordedStepsTest {
    static final Path FIXTURES = RecordedSteps.FIXTURES;

    static IdxStep step(String fixture) throws IOException {
        return RecordedSteps.read(fixture);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "okta-idx-dotnet/mocks/01-basic-login/two-steps-login/introspect-response.json, IDENTIFY",
            "okta-idx-dotnet/mocks/01-basic-login/one-step-login/introspect-response.json, IDENTIFY",
            "okta-signin-widget/playground/mocks/data/idp/idx/identify-recovery.json, IDENTIFY",
            "okta-idx-dotnet/mocks/01-basic-login/two-steps-login/identify-response.json, PASSWORD",
            "okta-idx-dotnet/mocks/06-2fa/email/2-steps-login-challenge-password-identify-response.json, SELECT",
            "okta-idx-dotnet/mocks/06-2fa/email/select-email-response.json, CODE",
            "okta-idx-dotnet/mocks/06-2fa/email/verify-email-invalid-code-response.json, CODE",
            "okta-idx-java/api/src/test/resources/introspect-with-activation-token-response.json, SELECT",
            "okta-idx-java/api/src/test/resources/scenario_4_1_1/credential-enroll-email-response.json, CODE",
            "okta-idx-java/api/src/test/resources/scenario_4_1_1/credential-enroll-password-response.json, NEW_PASSWORD",
            "okta-idx-dotnet/mocks/01-basic-login/password-expired-identify-response.json, NEW_PASSWORD",
            "okta-signin-widget/playground/mocks/data/idp/idx/terminal-return-email.json, TERMINAL",
            "okta-signin-widget/src/v3/src/mocks/response/idp/idx/identify/error-wrong-password.json, IDENTIFY",
            "okta-signin-widget/playground/mocks/data/idp/idx/authenticator-enroll-google-authenticator.json, OTP",
            "okta-signin-widget/playground/mocks/data/idp/idx/authenticator-verification-google-authenticator.json, OTP",
            "okta-signin-widget/playground/mocks/data/idp/idx/error-authenticator-verification-on-google-otp-invalid-passcode.json, OTP",
            "okta-signin-widget/playground/mocks/data/idp/idx/authenticator-enroll-security-question.json, QUESTION",
            "okta-signin-widget/playground/mocks/data/idp/idx/authenticator-verification-security-question.json, QUESTION",
            "okta-idx-java/api/src/test/resources/challenge-security-question-response.json, QUESTION",
    })
    void eachRecordedStepHasItsPage(String fixture, SignInView expected) throws IOException {
        assertEquals(expected, content(fixture).view());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "okta-idx-dotnet/mocks/01-basic-login/two-steps-login/challenge-response.json",
            "okta-idx-dotnet/mocks/06-2fa/email/verify-email-response.json",
            "okta-idx-java/api/src/test/resources/scenario_4_1_1/skip-response.json",
    })
    void successCarriesTheInteractionCodeAndTokenUrl(String fixture) throws IOException {
        IdxStep s = step(fixture);
        assertTrue(s.succeeded());
        assertNotNull(s.tokenUrl());
        assertTrue(s.tokenUrl().endsWith("/v1/token"), s.tokenUrl());
    }

    @org.junit.jupiter.api.Test
    void whatThePagesNeedIsRead() throws IOException {
        IdxStep password = step("okta-idx-dotnet/mocks/01-basic-login/two-steps-login/identify-response.json");
        assertEquals("password", password.currentType());
        assertTrue(password.current().recoverHref().endsWith("/idp/idx/recover"), "forgot password is offered");

        IdxStep code = step("okta-idx-dotnet/mocks/06-2fa/email/select-email-response.json");
        assertTrue(code.current().resendHref().endsWith("/idp/idx/challenge/resend"));

        var options = content("okta-idx-dotnet/mocks/06-2fa/email/2-steps-login-challenge-password-identify-response.json").choices();
        assertEquals(1, options.size());
        assertEquals("email", options.get(0).type());
        assertEquals("autsz6n09SkHhW8uT5d6", options.get(0).authenticatorId());

        IdxStep enroll = step("okta-idx-java/api/src/test/resources/scenario_4_1_1/credential-enroll-email-response.json");
        assertTrue(enroll.remediation("skip").isPresent());
        // Phone is offered too, and has pages now (its method and number are asked on its own page); the filter lists
        // only what it has pages for.
        assertEquals(List.of("email", "phone_number"), content("okta-idx-java/api/src/test/resources/scenario_4_1_1/credential-enroll-email-response.json")
                .choices().stream().map(io.oiefilter.flow.PageContent.Choice::labelKey).toList());
    }

    @org.junit.jupiter.api.Test
    void whatTheSdkDropsIsReadFromTheRawAnswer() throws IOException {
        IdxStep activation = step("okta-idx-java/api/src/test/resources/introspect-with-activation-token-response.json");
        assertEquals(java.time.Instant.parse("2021-06-02T14:37:22Z"), activation.expiresAt());
        assertEquals(java.util.List.of(), activation.enrolledTypes(), "nothing enrolled yet: Okta offers the enrollments");

        IdxStep both = step("okta-idx-java/api/src/test/resources/scenario_4_1_1/challenge-answer-email-response.json");
        assertEquals(java.util.List.of("email", "password"), both.enrolledTypes());

        IdxStep password = step("okta-idx-java/api/src/test/resources/scenario_4_1_1/credential-enroll-password-response.json");
        assertNotNull(password.current().rules(), "the rules come with the enrollment: no second introspect");
        assertTrue(password.current().rules().minLength() > 0);
    }

    /** The page content read from a recorded step: the flow's words, no IDX type (what an app's own JSP reads). */
    static io.oiefilter.flow.PageContent content(String fixture) throws IOException {
        return RecordedSteps.page(fixture);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "okta-idx-java/api/src/test/resources/scenario_4_1_1/credential-enroll-password-response.json, SET_UP",
            "okta-idx-dotnet/mocks/01-basic-login/password-expired-identify-response.json, EXPIRED",
    })
    void aNewPasswordPageSaysWhichNewPassword(String fixture, io.oiefilter.flow.PageContent.NewPassword kind) throws IOException {
        io.oiefilter.flow.PageContent page = content(fixture);
        assertEquals(SignInView.NEW_PASSWORD, page.view());
        assertEquals(kind, page.newPassword());
        assertNotNull(page.rules(), "the org's rules, to show");
    }

    @org.junit.jupiter.api.Test
    void choicesSentToAndOfferedStepsAreReadFromTheRecordings() throws IOException {
        io.oiefilter.flow.PageContent select = content("okta-idx-dotnet/mocks/06-2fa/email/2-steps-login-challenge-password-identify-response.json");
        assertEquals(SignInView.SELECT, select.view());
        assertTrue(select.choices().stream().anyMatch(c -> c.type().equals("email")), select.choices().toString());
        io.oiefilter.flow.PageContent identify = content("okta-signin-widget/src/v3/src/mocks/response/idp/idx/identify/error-wrong-password.json");
        assertTrue(identify.unlockAvailable() && identify.rememberMeOffered(), "the widget's recorded identify offers both");
        io.oiefilter.flow.PageContent terminal = content("okta-signin-widget/playground/mocks/data/idp/idx/terminal-return-email.json");
        assertEquals(SignInView.TERMINAL, terminal.view());
        assertTrue(!terminal.oktaMessages().isEmpty(), "Okta's words are what a terminal page shows");
    }

    @org.junit.jupiter.api.Test
    void googleAuthenticatorIsOfferedAndItsSetUpPageHasTheSecret() throws IOException {
        io.oiefilter.flow.PageContent select = content("okta-signin-widget/playground/mocks/data/idp/idx/authenticator-enroll-select-authenticator.json");
        assertTrue(select.choices().stream().anyMatch(c -> c.labelKey().equals("google_otp")), select.choices().toString());
        io.oiefilter.flow.PageContent enroll = content("okta-signin-widget/playground/mocks/data/idp/idx/authenticator-enroll-google-authenticator.json");
        assertEquals(SignInView.OTP, enroll.view());
        assertTrue(enroll.enrolling());
        assertEquals("google_otp", enroll.authenticatorKey());
        assertEquals("ZR74DHZTG43NBULV", enroll.sharedSecret(), "the recorded secret, for the QR code and manual entry");
        io.oiefilter.flow.PageContent verify = content("okta-signin-widget/playground/mocks/data/idp/idx/authenticator-verification-google-authenticator.json");
        assertEquals(null, verify.sharedSecret(), "no secret when only a code is asked for");
        assertTrue(!String.valueOf(step("okta-signin-widget/playground/mocks/data/idp/idx/authenticator-enroll-google-authenticator.json")
                .current()).contains("ZR74DHZTG43NBULV"), "the secret stays out of toString, hence out of logs");
    }

    @org.junit.jupiter.api.Test
    void aSecurityQuestionPageHasOktasQuestionsOrTheOneToAnswer() throws IOException {
        io.oiefilter.flow.PageContent enroll = content("okta-signin-widget/playground/mocks/data/idp/idx/authenticator-enroll-security-question.json");
        assertTrue(enroll.enrolling());
        assertEquals(java.util.List.of("disliked_food", "name_of_first_plush_toy", "favorite_vacation_location"),
                enroll.questions().stream().map(io.oiefilter.flow.PageContent.Question::key).toList());
        assertEquals(null, enroll.question());
        io.oiefilter.flow.PageContent challenge = content(
                "okta-signin-widget/playground/mocks/data/idp/idx/authenticator-verification-security-question.json");
        assertEquals("Where did you go for your favorite vacation?", challenge.question());
        assertTrue(challenge.questions().isEmpty());
    }

    @org.junit.jupiter.api.Test
    void oktasWordsReachThePagesAndTheSessionBounded() {
        String huge = "x".repeat(10_000);
        StringBuilder body = new StringBuilder("{\"messages\":{\"type\":\"array\",\"value\":[");
        for (int n = 0; n < 30; n++) {
            body.append(n == 0 ? "" : ",").append("{\"message\":\"").append(huge).append("\",\"class\":\"ERROR\"}");
        }
        body.append("]}}");
        var messages = IdxStates.messages(null, body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(20, messages.size());
        assertTrue(messages.stream().allMatch(m -> m.text().length() == 500));
    }
}
