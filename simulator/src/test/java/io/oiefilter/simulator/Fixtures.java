package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.simulator.SimulatorClient.Answer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorded real Okta responses (shared/idx-fixtures) and the one shape assertion the
 * conformance tests use: structure, status and media type, with the listed tolerated differences.
 */
final class Fixtures {
    private Fixtures() {
    }

    private static final String PHONE_OPTION = "$.remediation.value[select-authenticator-enroll].value[authenticator].options[0]"
            + ".value.form.value";
    private static final String PROFILE_FIELDS = "$.remediation.value[enroll-profile].value[userProfile].form.value";
    private static final String WIDGET = "okta-signin-widget/playground/mocks/data/idp/idx/";
    private static final String GOOGLE_OPTION = "$.remediation.value[select-authenticator-enroll].value[authenticator].options[0]"
            + ".value.form.value";
    private static final String V3_CANCEL = "okta-signin-widget/src/v3/src/mocks/response/idp/idx/cancel/default.json";

    /**
     * The one list of tolerated differences, each between fixtures that disagree among themselves
     * (the simulator follows the responses captured from a real org, okta-idx-dotnet, there) or
     * where the recorded org had something the demo org has not.
     */
    private static final Map<String, Set<String>> TOLERATED = Map.ofEntries(
            // Hand-made 2020 fixtures (the cancel one is also okta-idx-swift's); the captured dotnet ones carry "produces".
            Map.entry("okta-idx-java/api/src/test/resources/identify-first-error-response.json",
                    Set.of("$.cancel: unexpected key 'produces'")),
            Map.entry("okta-idx-java/api/src/test/resources/cancel-response.json",
                    Set.of("$.cancel: unexpected key 'produces'", "$.remediation.value[identify]: unexpected key 'produces'")),
            // The widget's org had Okta Verify (launch-authenticator, authenticatorChallenge); this one has not. Its
            // 2022 recording marks the identifier required; the captured dotnet identify forms do not.
            Map.entry(V3_CANCEL, Set.of("$: missing key 'authenticatorChallenge'", "$.remediation.value: no item named 'launch-authenticator'",
                    "$.remediation.value[identify].value[identifier]: missing key 'required'")),
            // The recorded org offered Phone there (a methodType choice and a phoneNumber field); the
            // simulator offers Email in its place, whose option has the fixed methodType of the other recordings.
            Map.entry("okta-idx-java/api/src/test/resources/scenario_4_1_1/challenge-answer-email-response.json",
                    Set.of(PHONE_OPTION + "[methodType]: missing key 'options'", PHONE_OPTION + "[methodType]: missing key 'type'",
                            PHONE_OPTION + "[methodType]: unexpected key 'mutable'", PHONE_OPTION + "[methodType]: unexpected key 'value'",
                            PHONE_OPTION + ": no item named 'phoneNumber'")),
            // The recorded org's profile policy had a custom enum attribute besides the three standard ones;
            // the demo org asks for an optional custom 'department' instead.
            Map.entry("okta-idx-java/api/src/test/resources/scenario_4_1_1/enroll-response.json",
                    Set.of(PROFILE_FIELDS + ": no item named 'enumAttr'", PROFILE_FIELDS + ": unrecorded item named 'department'")),
            // Older recordings: their profile fields carry no minLength/maxLength (the 2021 ones do), and the
            // error one has no select-identify (the Android and widget recordings of a refused profile have).
            Map.entry("okta-idx-java/api/src/test/resources/enroll-profile-error-response.json",
                    Set.of(PROFILE_FIELDS + "[firstName]: unexpected key 'minLength'", PROFILE_FIELDS + "[firstName]: unexpected key 'maxLength'",
                            PROFILE_FIELDS + "[lastName]: unexpected key 'minLength'", PROFILE_FIELDS + "[lastName]: unexpected key 'maxLength'",
                            "$.remediation.value: unrecorded item named 'select-identify'",
                            PROFILE_FIELDS + ": unrecorded item named 'department'")),
            Map.entry("okta-idx-java/api/src/test/resources/enroll-user-response.json",
                    Set.of(PROFILE_FIELDS + "[firstName]: unexpected key 'minLength'", PROFILE_FIELDS + "[firstName]: unexpected key 'maxLength'",
                            PROFILE_FIELDS + "[lastName]: unexpected key 'minLength'", PROFILE_FIELDS + "[lastName]: unexpected key 'maxLength'",
                            PROFILE_FIELDS + ": unrecorded item named 'department'")),
            // The Android recording echoes the refused email as the field's value; the widget's recordings of the
            // same refusal (error-new-signup-email*.json) do not. Its org asked for a custom 'random' attribute.
            Map.entry("okta-idx-android/okta-idx-kotlin/src/test/resources/dto/field_error.json",
                    Set.of(PROFILE_FIELDS + "[email]: missing key 'value'", PROFILE_FIELDS + ": no item named 'random'",
                            PROFILE_FIELDS + ": unrecorded item named 'department'")),
            // Newer widget mocks add user.identifier; the responses captured from a real org carry only the id.
            Map.entry("okta-signin-widget/playground/mocks/data/idp/idx/error-authenticator-verification-password-too-many-attempts.json",
                    Set.of("$.user.value: missing key 'identifier'")),
            Map.entry("okta-signin-widget/playground/mocks/data/idp/idx/error-authenticator-enroll-password-common.json",
                    Set.of("$.user.value: missing key 'identifier'")),
            // Recorded for its message. Besides user.identifier as above, it disagrees with the widget's own
            // authenticator-reset-password.json (enrollmentAuthenticator, no recoveryAuthenticator, which the
            // simulator follows) and with the captured dotnet recovery responses (the email enrollment's masked
            // profile), and offers "Sign me out of all other devices" (revokeSessions), which they do not.
            Map.entry("okta-signin-widget/playground/mocks/data/idp/idx/error-authenticator-reset-password-requirement.json",
                    Set.of("$.user.value: missing key 'identifier'", "$: missing key 'recoveryAuthenticator'",
                            "$: unexpected key 'enrollmentAuthenticator'", "$.authenticatorEnrollments.value[1]: unexpected key 'profile'",
                            "$.remediation.value[reset-authenticator].value[credentials].form.value: no item named 'revokeSessions'")),
            // Google Authenticator (2021 widget mocks). Enrolling: their enrollments carry no key and the email one no
            // masked profile (the captured dotnet responses have both); their option has no methodType, which the
            // captured okta-idx-java scenario_10_3_2/enroll-sms-response.json has ("otp"), as every simulator option.
            Map.entry(WIDGET + "authenticator-enroll-google-authenticator.json", googleEnrollment()),
            Map.entry(WIDGET + "error-authenticator-enroll-google-invalid-otp.json", googleEnrollment()),
            // Verifying: the recorded org let the user verify with Google Authenticator or the password, so its challenge
            // also offers the password (select-authenticator-authenticate); here the password comes first and Google
            // Authenticator is the one second factor asked, so nothing is left to choose instead.
            Map.entry(WIDGET + "authenticator-verification-google-authenticator.json", googleVerification()),
            Map.entry(WIDGET + "error-authenticator-verification-on-google-otp-invalid-passcode.json", googleVerification()),
            Map.entry(WIDGET + "error-authenticator-verification-on-google-otp-used-passcode.json", googleVerification()),
            // Security question. The widget's authenticator-enroll-security-question.json is a hand-made 2020 mock
            // (accepts application/vnd.okta.v1+json, authenticatorId, a user profile, no app, enrollments or methods);
            // the simulator follows the recorded 2021 error states (error-authenticator-enroll-security-question*.json),
            // which have every one of these keys as the simulator has them.
            Map.entry(WIDGET + "authenticator-enroll-security-question.json", Set.of("$.authenticators.value[0]: missing key 'authenticatorId'",
                    "$.authenticators.value[0]: unexpected key 'methods'", "$.cancel.value[stateHandle]: unexpected key 'mutable'",
                    "$.cancel.value[stateHandle]: unexpected key 'required'", "$.cancel: unexpected key 'accepts'",
                    "$.cancel: unexpected key 'produces'", "$.currentAuthenticator.value: unexpected key 'methods'",
                    "$.remediation.value[enroll-authenticator]: unexpected key 'produces'",
                    "$.remediation.value[select-authenticator-enroll].value[authenticator]: missing key 'required'",
                    "$.remediation.value[select-authenticator-enroll]: unexpected key 'produces'", "$.user.value: missing key 'identifier'",
                    "$.user.value: missing key 'passwordChanged'", "$.user.value: missing key 'profile'", "$: unexpected key 'app'",
                    "$: unexpected key 'authenticatorEnrollments'", "$: unexpected key 'enrollmentAuthenticator'")),
            // The 2021 recordings of the refusals: their answer fields are not marked secret (the 2022 recording's and the
            // enrollment mock's are, as here); the first has no methods on currentAuthenticator (its two siblings, recorded
            // alike, have them); user.identifier and the email enrollment's profile as for Google Authenticator.
            Map.entry(WIDGET + "error-authenticator-enroll-security-question.json", securityQuestionRefusal(true, false)),
            Map.entry(WIDGET + "error-authenticator-enroll-security-question-create-question.json", securityQuestionRefusal(false, false)),
            Map.entry(WIDGET + "error-authenticator-enroll-security-question-html-tags.json", securityQuestionRefusal(false, true)),
            // Hand-made 2020 mock (application/vnd.okta.v1+json, authenticatorId, no produces, app or authenticators, an
            // untyped credentials object): the simulator follows okta-idx-java's 2022 recording of the same state instead.
            Map.entry(WIDGET + "authenticator-verification-security-question.json", Set.of(
                    "$.authenticatorEnrollments.value[0]: missing key 'authenticatorId'", "$.authenticatorEnrollments.value[0]: unexpected key 'methods'",
                    "$.authenticatorEnrollments.value[0]: unexpected key 'profile'", "$.cancel: unexpected key 'produces'",
                    "$.currentAuthenticatorEnrollment.value: missing key 'authenticatorId'",
                    "$.currentAuthenticatorEnrollment.value: unexpected key 'methods'",
                    "$.remediation.value[challenge-authenticator].value[credentials].form.value[answer]: unexpected key 'secret'",
                    "$.remediation.value[challenge-authenticator].value[credentials]: unexpected key 'required'",
                    "$.remediation.value[challenge-authenticator].value[credentials]: unexpected key 'type'",
                    "$.remediation.value[challenge-authenticator]: unexpected key 'produces'",
                    "$.remediation.value: no item named 'select-authenticator-authenticate'", "$.user.value: missing key 'identifier'",
                    "$: unexpected key 'app'", "$: unexpected key 'authenticators'")),
            // The 2022 recording's org had WebAuthn enrolled (credentialId) and lists allowedFor on its authenticators
            // (newer Okta; the 2021 recordings have none); its user carries a profile. The email enrollment's masked
            // profile is the captured dotnet responses' (the widget mocks have none).
            Map.entry(WIDGET + "enroll-security-question-with-character-limit-error.json", Set.of(
                    "$.authenticatorEnrollments.value[1]: missing key 'credentialId'", "$.authenticatorEnrollments.value[1]: unexpected key 'profile'",
                    "$.authenticators.value[0]: missing key 'allowedFor'", "$.user.value: missing key 'identifier'",
                    "$.user.value: missing key 'profile'")),
            // Verifying: the recorded org let the user pick the email or the security question, so its challenge lists
            // both enrollments (the email's first) and offers select-authenticator-authenticate; here the security
            // question is the one second factor asked, its enrollment the only one listed, as for the other challenges.
            Map.entry("okta-idx-java/api/src/test/resources/challenge-security-question-response.json", Set.of(
                    "$.authenticatorEnrollments.value[0].profile: missing key 'email'",
                    "$.authenticatorEnrollments.value[0].profile: unexpected key 'question'",
                    "$.authenticatorEnrollments.value[0].profile: unexpected key 'questionKey'",
                    "$.remediation.value: no item named 'select-authenticator-authenticate'", "$.user.value: missing key 'identifier'",
                    "$.user.value: missing key 'profile'")),
            // Phone. The 2021 widget recordings and okta-idx-java's: user.identifier and the email enrollment's profile as
            // for Google Authenticator; okta-idx-java's data step has no enrollmentAuthenticator, which the widget's
            // enrollment states have, as the simulator's.
            Map.entry(WIDGET + "authenticator-enroll-phone.json", phoneEnrollment()),
            Map.entry(WIDGET + "authenticator-enroll-phone-voice.json", phoneEnrollment()),
            Map.entry(WIDGET + "error-authenticator-enroll-phone-invalid-otp.json", phoneEnrollment()),
            Map.entry("okta-idx-java/api/src/test/resources/scenario_4_1_2/credential-enroll-phone-response.json",
                    Set.of("$.authenticatorEnrollments.value[1]: unexpected key 'profile'", "$: unexpected key 'enrollmentAuthenticator'")),
            Map.entry("okta-idx-java/api/src/test/resources/scenario_4_1_2/credential-enroll-phone-number-response.json",
                    Set.of("$.authenticatorEnrollments.value[1]: unexpected key 'profile'")),
            // The refused number: its org also offered Okta Verify (channel) and nothing else; the recording's data form
            // was edited by hand (the id's value under "id", the voice option reduced to {"type":"voice"}), unlike the
            // same form in okta-idx-java's recording, which the simulator follows.
            Map.entry(WIDGET + "error-authenticator-enroll-phone-invalid-number.json", phoneInvalidNumber()),
            // The only recordings of the phone's verification: hand-made 2020 mocks (no produces, authenticatorId on
            // enrollments, no authenticators); their org let the user pick among five enrollments (select-authenticator-
            // authenticate), the phone's listed without its masked profile, which their current enrollment has, as here.
            Map.entry(WIDGET + "authenticator-verification-data-phone-sms-then-voice.json", phoneVerificationMock(false)),
            Map.entry(WIDGET + "authenticator-verification-data-phone-voice-only.json", phoneVerificationMock(false)),
            Map.entry(WIDGET + "authenticator-verification-phone-sms.json", phoneVerificationMock(true)),
            Map.entry(WIDGET + "authenticator-verification-phone-voice.json", phoneVerificationMock(true)),
            // A 2022 recording (authentication, allowedFor, a user profile: newer Okta), its org letting the user choose.
            Map.entry(WIDGET + "error-authenticator-challenge-phone-invalid-otp.json", Set.of("$: missing key 'authentication'",
                    "$.authenticators.value[0]: missing key 'allowedFor'", "$.remediation.value: no item named 'select-authenticator-authenticate'",
                    "$.user.value: missing key 'identifier'", "$.user.value: missing key 'profile'")));

    private static Set<String> phoneEnrollment() {
        return Set.of("$.authenticatorEnrollments.value[1]: unexpected key 'profile'", "$.user.value: missing key 'identifier'");
    }

    private static final String PHONE_DATA = "$.remediation.value[authenticator-enrollment-data].value[authenticator].form.value";
    private static final String OTHER_OPTION = "$.remediation.value[select-authenticator-enroll].value[authenticator].options[0].value.form.value";

    private static Set<String> phoneInvalidNumber() {
        return Set.of("$.authenticatorEnrollments.value[1]: unexpected key 'profile'", "$.user.value: missing key 'identifier'",
                "$: unexpected key 'enrollmentAuthenticator'", PHONE_DATA + "[id]: missing key 'id'", PHONE_DATA + "[id]: unexpected key 'value'",
                PHONE_DATA + "[methodType].options[1]: missing key 'type'", PHONE_DATA + "[methodType].options[1]: unexpected key 'label'",
                PHONE_DATA + "[methodType].options[1]: unexpected key 'value'", OTHER_OPTION + ": no item named 'channel'",
                OTHER_OPTION + ": unrecorded item named 'methodType'", OTHER_OPTION + ": unrecorded item named 'phoneNumber'");
    }

    private static Set<String> phoneVerificationMock(boolean codeStep) {
        Set<String> out = new java.util.HashSet<>(Set.of("$.authenticatorEnrollments.value[0]: missing key 'authenticatorId'",
                "$.authenticatorEnrollments.value[0]: unexpected key 'methods'", "$.authenticatorEnrollments.value[0]: unexpected key 'profile'",
                "$.cancel: unexpected key 'produces'", "$.currentAuthenticatorEnrollment.value.resend: unexpected key 'produces'",
                "$.remediation.value: no item named 'select-authenticator-authenticate'", "$.user.value: missing key 'identifier'",
                "$: unexpected key 'authenticators'"));
        if (codeStep) {
            out.addAll(Set.of("$.remediation.value[challenge-authenticator].value[credentials]: unexpected key 'required'",
                    "$.remediation.value[challenge-authenticator].value[credentials]: unexpected key 'type'",
                    "$.remediation.value[challenge-authenticator]: unexpected key 'produces'"));
        } else {
            out.add("$.remediation.value[authenticator-verification-data]: unexpected key 'produces'");
        }
        return out;
    }

    private static Set<String> googleEnrollment() {
        return Set.of("$.user.value: missing key 'identifier'", "$.authenticatorEnrollments.value[0]: unexpected key 'key'",
                "$.authenticatorEnrollments.value[1]: unexpected key 'key'", "$.authenticatorEnrollments.value[1]: unexpected key 'profile'",
                GOOGLE_OPTION + ": unrecorded item named 'methodType'");
    }

    private static final String SQ_OPTIONS = "$.remediation.value[enroll-authenticator].value[credentials].options";

    /**
     * {@code noMethods}: the recording without methods on currentAuthenticator.
     * {@code htmlTags}: that recording, derived from the answer-too-short one, still carries the too-short message on the
     * predefined question's answer, which a refused custom question does not concern; the simulator leaves it off.
     */
    private static Set<String> securityQuestionRefusal(boolean noMethods, boolean htmlTags) {
        Set<String> out = new java.util.HashSet<>(Set.of("$.user.value: missing key 'identifier'",
                "$.authenticatorEnrollments.value[1]: unexpected key 'profile'", SQ_OPTIONS + "[0].value.form.value[answer]: unexpected key 'secret'",
                SQ_OPTIONS + "[1].value.form.value[answer]: unexpected key 'secret'"));
        if (noMethods) {
            out.add("$.currentAuthenticator.value: unexpected key 'methods'");
        }
        if (htmlTags) {
            out.add(SQ_OPTIONS + "[0].value.form.value[answer]: missing key 'messages'");
        }
        return out;
    }

    private static Set<String> googleVerification() {
        return Set.of("$.user.value: missing key 'identifier'", "$.remediation.value: no item named 'select-authenticator-authenticate'");
    }

    private static final Path FIXTURES = Path.of(System.getProperty("oie.fixtures.dir", "../../shared/idx-fixtures"));
    private static JsonNode fixture(String path) throws IOException {
        Path file = FIXTURES.resolve(path);
        assertTrue(Files.isRegularFile(file), "fixture missing: " + file.toAbsolutePath()
                + " (the recorded responses belong in ../shared/idx-fixtures beside the clone, or pass -Doie.fixtures.dir=...)");
        return new ObjectMapper().readTree(file.toFile());
    }

    static void assertShape(String fixture, Answer actual, int status, String mediaType) throws IOException {
        List<String> diffs = new java.util.ArrayList<>(ShapeComparison.differences(fixture(fixture), actual.body()));
        diffs.removeAll(TOLERATED.getOrDefault(fixture, Set.of()));
        assertTrue(diffs.isEmpty(), fixture + " differs:\n" + String.join("\n", diffs) + "\nactual: " + actual.body());
        assertEquals(status, actual.status(), fixture);
        assertEquals(mediaType, actual.contentType(), fixture);
    }

}
