package io.oiefilter.simulator;

import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.Totp;
import io.oiefilter.simulator.org.UserStatus;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The org's policies on the hosted page, as in the embedded flow: second factors, inactive and locked users. */
class HostedAuthenticatorsTest extends AuthorizeTestBase {
    private static final String PASSWORD = "Second-Factor-2026!";

    @Test
    void anEmailCodeAfterThePassword() throws Exception {
        OrgUser u = user("emma@example.com");
        HostedBrowser.Page select = signIn(browser.authorize(appWith(AuthenticatorKind.EMAIL)), u.login(), PASSWORD);
        HostedBrowser.Page code = browser.submit(select, "select-authenticator-authenticate", Map.of("authenticator", option(select, "Email")));
        assertTrue(code.body().contains("A verification code was sent to"), code.body());
        assertTrue(code.forms().contains("resend"), code.forms().toString());
        HostedBrowser.Page wrong = browser.submit(code, "challenge-authenticator", Map.of("credentials.passcode", "000000"));
        assertTrue(wrong.errors().contains("Invalid code. Try again."), wrong.errors().toString());
        HostedBrowser.Page done = browser.submit(wrong, "challenge-authenticator",
                Map.of("credentials.passcode", client.latestCode(u.email())));
        SimulatorClient.Answer tokens = client.form(sim.issuer() + "/v1/token", Map.of("grant_type", "authorization_code",
                "code", done.callback().get("code"), "redirect_uri", "http://localhost:8080/0oa-okta_email",
                "client_id", "0oa-okta_email", "client_secret", "secret", "code_verifier", SimulatorClient.VERIFIER));
        assertEquals(List.of("pwd", "mfa", "email"), claims(tokens.body(), "id_token").getStringListClaim("amr"), tokens.toString());
    }

    @Test
    void aGoogleAuthenticatorCode() throws Exception {
        sim.org().authenticatorActive(AuthenticatorKind.GOOGLE_OTP, true);
        OrgUser u = user("gus@example.com");
        u.enrollTotp("JBSWY3DPEHPK3PXP", Instant.now());
        HostedBrowser.Page select = signIn(browser.authorize(appWith(AuthenticatorKind.GOOGLE_OTP)), u.login(), PASSWORD);
        HostedBrowser.Page code = browser.submit(select, "select-authenticator-authenticate",
                Map.of("authenticator", option(select, "Google Authenticator")));
        assertEquals("Verify with Google Authenticator", code.form("challenge-authenticator").selectFirst("h2").text());
        HostedBrowser.Page done = browser.submit(code, "challenge-authenticator",
                Map.of("credentials.passcode", Totp.code("JBSWY3DPEHPK3PXP", sim.clock().instant())));
        assertNotNull(done.callback().get("code"), done.body());
    }

    @Test
    void aSecurityQuestionShowsTheQuestion() throws Exception {
        sim.org().authenticatorActive(AuthenticatorKind.SECURITY_QUESTION, true);
        OrgUser u = user("quinn@example.com");
        u.enrollSecurityQuestion("custom", "Name of your first <b>robot</b>?", "Robbie", Instant.now());
        HostedBrowser.Page select = signIn(browser.authorize(appWith(AuthenticatorKind.SECURITY_QUESTION)), u.login(), PASSWORD);
        HostedBrowser.Page question = browser.submit(select, "select-authenticator-authenticate",
                Map.of("authenticator", option(select, "Security Question")));
        assertEquals("Name of your first <b>robot</b>?", question.doc().getElementById("question").text(), "shown as text, escaped");
        HostedBrowser.Page done = browser.submit(question, "challenge-authenticator", Map.of("credentials.answer", "robbie"));
        assertNotNull(done.callback().get("code"), done.body());
    }

    @Test
    void aPhoneCodeBySmsOrVoice() throws Exception {
        sim.org().authenticatorActive(AuthenticatorKind.PHONE, true);
        OrgUser u = user("phil@example.com");
        u.enrollPhone("+1 415 555 0123", Instant.now());
        HostedBrowser.Page select = signIn(browser.authorize(appWith(AuthenticatorKind.PHONE)), u.login(), PASSWORD);
        HostedBrowser.Page method = browser.submit(select, "select-authenticator-authenticate", Map.of("authenticator", option(select, "Phone")));
        HostedBrowser.Page code = browser.submit(method, "authenticator-verification-data", Map.of("authenticator.methodType", option(method, "VOICE")));
        List<io.oiefilter.simulator.mail.PhoneOutbox.PhoneMessage> sent = sim.phoneOutbox().to(u.id());
        assertEquals("voice", sent.get(sent.size() - 1).method());
        HostedBrowser.Page done = browser.submit(code, "challenge-authenticator",
                Map.of("credentials.passcode", sent.get(sent.size() - 1).code()));
        assertNotNull(done.callback().get("code"), done.body());
    }

    @Test
    void webAuthnIsNamedAsNotAvailableAndAnotherChoiceRemains() throws Exception {
        sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.OPTIONAL);
        try {
            OrgUser u = user("wes@example.com");
            HostedBrowser.Page choose = signIn(browser.authorize(params()), u.login(), PASSWORD);
            HostedBrowser.Page webauthn = browser.submit(choose, "select-authenticator-enroll",
                    Map.of("authenticator", option(choose, "Security Key or Biometric")));
            assertTrue(webauthn.doc().getElementById("not-available").text().contains("not available on the simulator's hosted page"));
            assertFalse(webauthn.forms().contains("enroll-authenticator"), webauthn.forms().toString());
            HostedBrowser.Page done = browser.submit(webauthn, "skip", Map.of());
            assertNotNull(done.callback().get("code"), done.body());
        } finally {
            sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.NOT_ALLOWED);
        }
    }

    @Test
    void provisionedSuspendedAndUnknownUsersAreUnableToSignIn() throws Exception {
        for (String login : List.of("pat@example.com", "bob@example.com", "nobody@example.com")) {
            HostedBrowser.Page page = browser.submit(browser.authorize(params()), "identify", Map.of("identifier", login));
            assertEquals(List.of("Unable to sign in"), page.errors(), login);
            assertTrue(page.forms().contains("identify"));
        }
    }

    @Test
    void wrongPasswordsLockTheUserOutAsTheEngineDoes() throws Exception {
        OrgUser u = user("lou@example.com");
        HostedBrowser.Page page = browser.submit(browser.authorize(params()), "identify", Map.of("identifier", u.login()));
        for (int n = 0; n < sim.org().passwordPolicy().maxAttempts(); n++) {
            page = browser.submit(page, "challenge-authenticator", Map.of("credentials.passcode", "wrong-" + n));
        }
        assertEquals(UserStatus.LOCKED_OUT, u.status());
        HostedBrowser.Page again = browser.submit(browser.authorize(params()), "identify", Map.of("identifier", u.login()));
        assertEquals(List.of("Unable to sign in"), again.errors(), again.body());
    }

    @Test
    void someoneSignsUpOnThePage() throws Exception {
        HostedBrowser.Page first = browser.authorize(params());
        HostedBrowser.Page profile = browser.submit(first, "select-enroll-profile", Map.of());
        HostedBrowser.Page next = browser.submit(profile, "enroll-profile", Map.of("userProfile.firstName", "Nia",
                "userProfile.lastName", "New", "userProfile.email", "nia@example.com"));
        assertEquals(UserStatus.PROVISIONED, sim.org().userByLogin("nia@example.com").orElseThrow().status());
        HostedBrowser.Page password = next.forms().contains("select-authenticator-enroll")
                ? browser.submit(next, "select-authenticator-enroll", Map.of("authenticator", option(next, "Password"))) : next;
        HostedBrowser.Page after = browser.submit(password, "enroll-authenticator", Map.of("credentials.passcode", "Brand-New-2026!"));
        HostedBrowser.Page email = after.forms().contains("select-authenticator-enroll")
                ? browser.submit(after, "select-authenticator-enroll", Map.of("authenticator", option(after, "Email"))) : after;
        HostedBrowser.Page done = email.location() != null ? email : browser.submit(email, "enroll-authenticator",
                Map.of("credentials.passcode", client.latestCode("nia@example.com")));
        assertNotNull(done.location(), done.body());
        assertNotNull(done.callback().get("code"));
        assertEquals(UserStatus.ACTIVE, sim.org().userByLogin("nia@example.com").orElseThrow().status());
    }

    /** The authorize parameters of a new app whose sign-on policy asks for that second factor. */
    private Map<String, String> appWith(AuthenticatorKind second) throws Exception {
        String id = "0oa-" + second.key();
        if (sim.org().app(id).isEmpty()) {
            OrgApp app = new OrgApp(id, "secret", "Second factor " + second.displayName(), List.of("http://localhost:8080/" + id),
                    List.of(), List.of("authorization_code"), SignOnMode.IDENTIFIER_FIRST, false);
            app.secondFactors(Set.of(second));
            sim.org().addApp(app);
        }
        return params("client_id", id, "redirect_uri", "http://localhost:8080/" + id);
    }

    private static OrgUser user(String login) {
        return sim.org().createUser(login, login, "Test", "User", List.of(), PASSWORD, UserStatus.ACTIVE, true, Instant.now());
    }

    /** The radio value of the option with that label, in the page's only choice. */
    private static String option(HostedBrowser.Page page, String label) {
        for (Element l : page.doc().select("fieldset > label")) {
            if (l.text().equals(label)) {
                return l.selectFirst("input[type=radio]").attr("value");
            }
        }
        throw new AssertionError("no option " + label + " in " + page.body());
    }
}
