package io.oiefilter.idx.okta;

import io.oiefilter.flow.OktaVerifyPage;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Okta Verify's recorded steps (the widget's mocks) read into the filter's model: which page, which stage, what it shows. */
class RecordedOktaVerifyStepsTest {

    private static IdxStep step(String fixture) throws IOException {
        return RecordedSteps.named(fixture);
    }

    private static PageContent content(String fixture) throws IOException {
        return RecordedSteps.page(fixture);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "authenticator-enroll-ov-qr.json, SCAN",
            "authenticator-enroll-ov-via-email.json, ASK_ADDRESS",
            "authenticator-enroll-ov-via-sms.json, ASK_ADDRESS",
            "authenticator-enroll-ov-email.json, LINK_SENT",
            "authenticator-enroll-ov-sms.json, LINK_SENT",
            "authenticator-verification-okta-verify-push.json, PUSH",
            "authenticator-verification-okta-verify-push-autoChallenge-on.json, PUSH",
            "authenticator-verification-okta-verify-reject-push.json, PUSH_REJECTED",
            "errors-authenticator-verification-okta-verify-reject-push.json, PUSH_REJECTED",
            "authenticator-verification-okta-verify-totp.json, CODE",
            "error-okta-verify-totp.json, CODE",
    })
    void eachRecordedStepIsAStageOfTheOktaVerifyPage(String fixture, OktaVerifyPage.Stage stage) throws IOException {
        PageContent page = content(fixture);
        assertEquals(SignInView.OKTA_VERIFY, page.view());
        assertNotNull(page.oktaVerify(), fixture);
        assertEquals(stage, page.oktaVerify().stage());
    }

    @Test
    void theQrCodeIsReadBackToItsLinkAndTheRefreshIsOktas() throws IOException {
        OktaVerifyPage qr = content("authenticator-enroll-ov-qr.json").oktaVerify();
        assertEquals("qrcode", qr.channel());
        assertNotNull(qr.enrollLink(), "the recorded PNG decodes to text");
        assertEquals(4000, qr.refreshMillis());
        assertTrue(qr.polling());
        assertEquals("aidtheidkwh282hv8g3", step("authenticator-enroll-ov-qr.json").current().verify().authenticatorId(),
                "named only in select-enrollment-channel there");
        assertFalse(String.valueOf(step("authenticator-enroll-ov-qr.json").current()).contains(qr.enrollLink()),
                "the link stays out of toString, hence out of logs");
    }

    @Test
    void anImageThatIsNoQrCodeOrTooLargeGivesNoLink() throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(3000, 2, java.awt.image.BufferedImage.TYPE_BYTE_BINARY), "png", png);
        assertNull(OktaVerifyStates.link("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray())),
                "wider than any QR code Okta draws: not read");
        png.reset();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_BYTE_BINARY), "png", png);
        assertNull(OktaVerifyStates.link("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray())));
        assertNull(OktaVerifyStates.link("data:image/png;base64,bm90IGEgcG5n"));
        assertNull(OktaVerifyStates.link("https://example.com/qr.png"), "only an embedded image is read");
    }

    @Test
    void whereTheLinkWentAndWhatIsAskedFor() throws IOException {
        assertEquals("joy@okta.com", content("authenticator-enroll-ov-email.json").oktaVerify().linkSentTo());
        assertEquals("+18008885555", content("authenticator-enroll-ov-sms.json").oktaVerify().linkSentTo());
        assertEquals("sms", content("authenticator-enroll-ov-via-sms.json").oktaVerify().channel());
        assertNull(content("authenticator-enroll-ov-via-email.json").oktaVerify().enrollLink());
    }

    @Test
    void aRejectedPushCarriesOktasWordsAndStopsPolling() throws IOException {
        OktaVerifyPage rejected = content("authenticator-verification-okta-verify-reject-push.json").oktaVerify();
        assertEquals("You have chosen to reject this login.", rejected.oktaMessage());
        assertFalse(rejected.polling());
        assertNull(content("authenticator-verification-okta-verify-push.json").oktaVerify().oktaMessage());
    }

    @Test
    void selectPagesOfferOktaVerifysPushAndCodeNeverFastPass() throws IOException {
        PageContent select = content("authenticator-verification-select-authenticator-ov-m2.json");
        assertEquals(SignInView.SELECT, select.view());
        assertEquals(List.of("okta_verify.push", "okta_verify.totp", "password"), select.choices().stream().map(PageContent.Choice::labelKey)
                .toList(), "Okta offers signed_nonce, push and totp: FastPass is left out");
        assertEquals(List.of("auteq0lLiL9o1cYoN0g4:push", "auteq0lLiL9o1cYoN0g4:totp", "autepwdJFCg0J7vK60g4"),
                select.choices().stream().map(PageContent.Choice::value).toList());
        assertEquals(List.of("okta_verify.totp", "okta_verify.push"), content("error-okta-verify-totp.json").choices().stream()
                .map(PageContent.Choice::labelKey).toList(), "in Okta's order");
    }
}
