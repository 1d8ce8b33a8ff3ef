package io.oiefilter.idx.okta;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.flow.PageContent;
import io.oiefilter.flow.SignInView;
import io.oiefilter.idx.IdxStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebAuthn's recorded steps (widget mocks) read as the WebAuthn page sees them: its view and the options for the browser. */
class RecordedWebAuthnStepsTest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static IdxStep step(String fixture) throws IOException {
        return RecordedSteps.named(fixture);
    }

    private static PageContent content(String fixture) throws IOException {
        return RecordedSteps.page(fixture);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "authenticator-enroll-webauthn.json, true",
            "authenticator-enroll-webauthn-passkeys.json, true",
            "authenticator-verification-webauthn.json, false",
            "authenticator-verification-webauthn-passkeys.json, false",
            "error-authenticator-webauthn-failure.json, false",
            "okta-idx-java/api/src/test/resources/scenario_10_2_1/credential-enroll-webauthn-response.json, true",
    })
    void eachRecordedWebAuthnStepHasTheWebAuthnPage(String fixture, boolean enrolling) throws IOException {
        PageContent page = content(fixture);
        assertEquals(SignInView.WEBAUTHN, page.view());
        assertEquals(enrolling, page.enrolling());
        assertEquals("webauthn", page.authenticatorKey());
        JsonNode options = JSON.readTree(page.webAuthnOptions());
        assertTrue(options.has(enrolling ? "create" : "get"), options.toString());
    }

    @Test
    void enrollmentPassesOktasActivationDataWithoutItsOwnDomainsExtras() throws IOException {
        JsonNode create = JSON.readTree(content("authenticator-enroll-webauthn.json").webAuthnOptions()).get("create");
        assertEquals("zrTo0mMXyCt90mweh2HL", create.path("challenge").asText());
        assertEquals("idx", create.at("/rp/name").asText());
        assertEquals("00utjm1GstPjCF9Ad0g3", create.at("/user/id").asText());
        assertEquals("test@okta.com", create.at("/user/name").asText());
        assertEquals(-7, create.at("/pubKeyCredParams/0/alg").asInt());
        assertEquals(-257, create.at("/pubKeyCredParams/1/alg").asInt());
        assertEquals("direct", create.path("attestation").asText());
        assertEquals("discouraged", create.at("/authenticatorSelection/userVerification").asText());
        assertFalse(create.has("u2fParams"), "the appid is Okta's domain's");
    }

    @Test
    void verificationAllowsTheEnrolledCredentials() throws IOException {
        JsonNode get = JSON.readTree(content("authenticator-verification-webauthn.json").webAuthnOptions()).get("get");
        assertEquals("qjUCU0xoVe5QZ3-etDCD", get.path("challenge").asText());
        assertEquals("required", get.path("userVerification").asText());
        assertFalse(get.has("extensions"), "a browser refuses an appid that is not the page's");
        assertEquals(List.of("hpxQXbu5R5Y2JMqpvtE9Oo9FdwO6z2kMR-ZQkAb6p6GSguXQ57oVXKvpVHT2fyCR_m2EL1vIgszxi00kyFIX6w",
                        "7Ag2iWUqfz0SanWDj-ZZ2fpDsgiEDt_08O1VSSRZHpgkUS1zhLSyWYDrxXXB5VE_w1iiqSvPaRgXcmG5rPwB-w"),
                get.path("allowCredentials").findValuesAsText("id"));
        assertEquals("public-key", get.at("/allowCredentials/0/type").asText());
    }

    @Test
    void theRecordedFailureKeepsTheWebAuthnPageWithOktasMessage() throws IOException {
        IdxStep failed = step("error-authenticator-webauthn-failure.json");
        assertEquals("authfactor.webauthn.error.assertion_validation_failure", failed.messages().get(0).i18nKey());
        JsonNode get = JSON.readTree(content("error-authenticator-webauthn-failure.json").webAuthnOptions()).get("get");
        assertEquals("AcIv--KQ093FD0OzvoFsTbpf0wdVNhQWSPnj8u3iK74E2bO1wlQfNfY3p6w9nT8LSf2Kv_89P2yfpH0cbeIrtY9TjyAu0vbcOIhE",
                get.at("/allowCredentials/0/id").asText());
    }

    @Test
    void otherPagesHaveNoWebAuthnOptions() throws IOException {
        assertNull(content("authenticator-verification-google-authenticator.json").webAuthnOptions());
        assertNull(WebAuthnOptions.of(Map.of(), Map.of("key", "webauthn"), Map.of("challengeData", Map.of())), "no challenge, no options");
    }
}
