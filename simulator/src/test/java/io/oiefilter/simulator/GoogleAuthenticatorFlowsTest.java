package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.Totp;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static io.oiefilter.simulator.SimulatorClient.remediationNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Google Authenticator over real HTTP: enrolling with a computed code, challenges, wrong and reused codes, policy. */
class GoogleAuthenticatorFlowsTest extends SimulatorTestBase {
    private static final String PASSCODE_MESSAGE = "/remediation/value/0/value/0/form/value/0/messages/value/0";
    private static int users;

    private static OrgApp app() {
        return sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow();
    }

    @BeforeEach
    void orgHasGoogleAuthenticator() {
        sim.org().enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP, Requirement.OPTIONAL);
    }

    @AfterEach
    void resetPolicies() {
        app().secondFactors(Set.of());
        sim.org().authenticatorActive(AuthenticatorKind.GOOGLE_OTP, false);
    }

    private static OrgUser newUser() {
        String login = "totp" + (++users) + "@example.com";
        return sim.org().createUser(login, login, "To", "Tp", List.of(), "Totp-Pass-2026", UserStatus.ACTIVE, true, sim.clock().instant());
    }

    private static String sh(JsonNode state) {
        return state.get("stateHandle").asText();
    }

    /** Identify and answer the password; the state after it. */
    private static JsonNode afterPassword(OrgUser u) throws Exception {
        Answer id = client.identify(sh(client.introspect(client.interact()).body()), u.login(), null);
        Answer pw = client.answer(sh(id.body()), "Totp-Pass-2026");
        assertEquals(200, pw.status(), pw.body().toString());
        return pw.body();
    }

    private static String codeNow(String secret) {
        return Totp.code(secret, sim.clock().instant());
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void enrollWithAComputedCodeFromTheSharedSecret() throws Exception {
        OrgUser u = newUser();
        JsonNode select = afterPassword(u);
        assertEquals(List.of("select-authenticator-enroll", "skip"), remediationNames(select), "optional: skippable");
        Answer enroll = client.select("credential/enroll", select, "otp");
        assertEquals(200, enroll.status(), enroll.body().toString());
        assertEquals("enroll-authenticator", remediationNames(enroll.body()).get(0));
        JsonNode current = enroll.body().at("/currentAuthenticator/value");
        assertEquals("google_otp", current.path("key").asText());
        assertEquals("app", current.path("type").asText());
        assertEquals(sim.org().authenticatorId(AuthenticatorKind.GOOGLE_OTP), current.path("id").asText());
        assertEquals("otp", current.at("/methods/0/type").asText());
        String secret = current.at("/contextualData/sharedSecret").asText();
        assertTrue(secret.matches("[A-Z2-7]{16}"), secret);
        JsonNode qr = current.at("/contextualData/qrcode");
        assertEquals("embedded", qr.path("method").asText());
        assertEquals("image/png", qr.path("type").asText());
        String uri = decodeQr(qr.path("href").asText());
        assertTrue(uri.startsWith("otpauth://totp/") && uri.contains("secret=" + secret) && uri.contains(u.login().replace("@", "%40")),
                uri);

        Answer done = client.answer(sh(enroll.body()), codeNow(secret));
        assertEquals(200, done.status(), done.body().toString());
        assertTrue(done.body().has("successWithInteractionCode"));
        assertEquals(secret, u.totpSecret());
        assertTrue(u.enrolled(AuthenticatorKind.GOOGLE_OTP));

        Answer admin = client.get(sim.baseUri() + "/admin/users/" + u.login() + "/totp-secret");
        assertEquals(200, admin.status());
        assertEquals(secret, admin.body().path("secret").asText());
        assertEquals(u.id(), admin.body().path("id").asText());
    }

    @Test
    void aWrongEnrollmentCodeIsRefusedAndTheRightOneThenWorks() throws Exception {
        OrgUser u = newUser();
        Answer enroll = client.select("credential/enroll", afterPassword(u), "otp");
        String secret = enroll.body().at("/currentAuthenticator/value/contextualData/sharedSecret").asText();
        Answer refused = client.answer(sh(enroll.body()), wrong(codeNow(secret)));
        assertEquals(401, refused.status());
        assertEquals("api.authn.error.PASSCODE_INVALID", refused.body().at(PASSCODE_MESSAGE + "/i18n/key").asText());
        assertEquals("Invalid code. Try again.", refused.body().at(PASSCODE_MESSAGE + "/message").asText());
        assertEquals(secret, refused.body().at("/currentAuthenticator/value/contextualData/sharedSecret").asText(), "same secret");
        assertTrue(u.totpSecret() == null, "not enrolled by a wrong code");
        assertEquals(200, client.answer(sh(refused.body()), codeNow(secret)).status());
        assertEquals(secret, u.totpSecret());
    }

    @Test
    void passwordAndGoogleAuthenticatorBothNeededWhenTheAppAsksForIt() throws Exception {
        app().secondFactors(Set.of(AuthenticatorKind.GOOGLE_OTP));
        OrgUser u = newUser();
        String secret = Totp.newSecret();
        u.enrollTotp(secret, sim.clock().instant());
        JsonNode select = afterPassword(u);
        assertEquals(List.of("select-authenticator-authenticate"), remediationNames(select));
        Answer challenge = client.select("challenge", select, "otp");
        assertEquals(List.of("challenge-authenticator"), remediationNames(challenge.body()));
        assertEquals("$.currentAuthenticator", challenge.body().at("/remediation/value/0/relatesTo/0").asText());
        assertEquals("google_otp", challenge.body().at("/currentAuthenticator/value/key").asText());

        Answer wrong = client.answer(sh(challenge.body()), wrong(codeNow(secret)));
        assertEquals(401, wrong.status());
        assertEquals("authfactor.challenge.soft_token.invalid_passcode", wrong.body().at(PASSCODE_MESSAGE + "/i18n/key").asText());

        String code = codeNow(secret);
        Answer done = client.answer(sh(wrong.body()), code);
        assertEquals(200, done.status(), done.body().toString());
        Answer tokens = client.token(SimulatorClient.interactionCode(done.body()), SimulatorClient.VERIFIER, SimulatorClient.SECRET);
        assertEquals(200, tokens.status(), tokens.body().toString());

        // The same code in the next sign-in: used.
        Answer again = client.select("challenge", afterPassword(u), "otp");
        Answer used = client.answer(sh(again.body()), code);
        assertEquals(401, used.status());
        assertEquals("authfactor.challenge.soft_token.used_passcode", used.body().at(PASSCODE_MESSAGE + "/i18n/key").asText());
        assertEquals("API error: Each code can only be used once. Please wait for a new code and try again.",
                used.body().at(PASSCODE_MESSAGE + "/message").asText());
        sim.clock().advance(java.time.Duration.ofSeconds(Totp.STEP_SECONDS));
        String next = codeNow(secret);
        assertNotEquals(code, next);
        assertEquals(200, client.answer(sh(used.body()), next).status(), "the next step's code works");
    }

    @Test
    void withoutAnySecondFactorTheAppMakesOneBeEnrolled() throws Exception {
        app().secondFactors(Set.of(AuthenticatorKind.GOOGLE_OTP));
        OrgUser u = newUser();
        JsonNode select = afterPassword(u);
        assertEquals(List.of("select-authenticator-enroll"), remediationNames(select), "required now: no skip");
        Answer enroll = client.select("credential/enroll", select, "otp");
        String secret = enroll.body().at("/currentAuthenticator/value/contextualData/sharedSecret").asText();
        assertEquals(List.of("enroll-authenticator", "select-authenticator-enroll"), remediationNames(enroll.body()));
        Answer done = client.answer(sh(enroll.body()), codeNow(secret));
        assertTrue(done.body().has("successWithInteractionCode"), done.body().toString());
    }

    @Test
    void eitherSecondFactorWillDo() throws Exception {
        app().secondFactors(Set.of(AuthenticatorKind.EMAIL, AuthenticatorKind.GOOGLE_OTP));
        OrgUser u = newUser();
        u.enrollTotp(Totp.newSecret(), sim.clock().instant());
        JsonNode select = afterPassword(u);
        assertEquals(2, select.at("/remediation/value/0/value/0/options").size(), select.toString());
        Answer challenge = client.select("challenge", select, "email");
        Answer done = client.answer(sh(challenge.body()), client.latestCode(u.login()));
        assertTrue(done.body().has("successWithInteractionCode"), "email alone satisfies it: " + done.body());
    }

    @Test
    void anEnrolledUserSignsInWithThePasswordAloneWhereNoSecondFactorIsAsked() throws Exception {
        OrgUser u = newUser();
        u.enrollTotp(Totp.newSecret(), sim.clock().instant());
        assertTrue(afterPassword(u).has("successWithInteractionCode"));
    }

    @Test
    void anOrgWithoutGoogleAuthenticatorNeitherOffersNorAsksIt() throws Exception {
        sim.org().authenticatorActive(AuthenticatorKind.GOOGLE_OTP, false);
        app().secondFactors(Set.of(AuthenticatorKind.GOOGLE_OTP));
        OrgUser u = newUser();
        u.enrollTotp(Totp.newSecret(), sim.clock().instant());
        assertTrue(afterPassword(u).has("successWithInteractionCode"));
        Answer noSecret = client.get(sim.baseUri() + "/admin/users/nobody@example.com/totp-secret");
        assertEquals(404, noSecret.status());
    }

    @Test
    void adminPutEnrollsASecret() throws Exception {
        OrgUser u = newUser();
        assertEquals(404, client.get(sim.baseUri() + "/admin/users/" + u.id() + "/totp-secret").status());
        java.net.http.HttpResponse<String> put = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUri() + "/admin/users/" + u.id() + "/totp-secret"))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"secret\":\"JBSWY3DPEHPK3PXP\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("JBSWY3DPEHPK3PXP", u.totpSecret());
    }

    static String decodeQr(String dataUri) throws Exception {
        assertTrue(dataUri.startsWith("data:image/png;base64,"), dataUri);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(22))));
        assertEquals(200, image.getWidth());
        assertEquals(200, image.getHeight());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
