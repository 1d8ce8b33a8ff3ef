package io.oiefilter.it;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.faults.Fault;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every OIE step and failure through the sample WAR on Payara Micro, against the simulator over HTTP. */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInStepsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    private static Simulator sim() {
        return SimulatorExtension.simulator();
    }

    private static OrgApp app() {
        return sim().org().app(SampleDeployment.CLIENT_ID).orElseThrow();
    }

    @AfterEach
    void resetOrg() {
        app().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        app().requireEmailCode(false);
        sim().org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.OPTIONAL);
        sim().faults().clear();
        sim().rateLimits().clear();
    }

    private WebClient client() {
        return new WebClient(SampleDeployment.base(deployed));
    }

    private static String code(String address) {
        return sim().outbox().latest(address).orElseThrow().code();
    }

    private static void assertNoStackTrace(HttpResponse<String> r) {
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace reaches the browser:\n" + r.body());
    }

    /** GET a protected page, identify: the page after identify. */
    private HttpResponse<String> identify(WebClient c, String login) throws Exception {
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        return c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", login)));
    }

    @Test
    void passwordThenEmailCode() throws Exception {
        app().requireEmailCode(true);
        WebClient c = client();
        HttpResponse<String> password = identify(c, ALICE);
        HttpResponse<String> codePage = c.follow(c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
        assertTrue(codePage.body().contains("<title>Check your email</title>"), codePage.body());
        assertTrue(codePage.body().contains("Signing in as alice@example.com"), codePage.body());

        HttpResponse<String> wrong = c.submit("oie/answer", fields(codePage.body(), "passcode", "not-a-code"));
        assertTrue(wrong.body().contains("That code is not valid."), wrong.body());
        HttpResponse<String> early = c.submit("oie/resend", fields(wrong.body()));
        assertTrue(early.body().contains("It is too soon to ask for another code."), early.body());
        assertTrue(early.body().contains("You can ask for a new code in"), early.body());

        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(early.body(), "passcode", code(ALICE))));
        assertTrue(home.body().contains("Hello, Alice Liddell"), home.body());
    }

    @Test
    void aNewUserEnrollsEmail() throws Exception {
        sim().org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.REQUIRED);
        sim().org().createUser("it.enrol@example.com", "it.enrol@example.com", "Ida", "Enrol", List.of(), "Ida-Enrol-2026",
                UserStatus.ACTIVE, false, Instant.now());
        WebClient c = client();
        HttpResponse<String> password = identify(c, "it.enrol@example.com");
        HttpResponse<String> codePage = c.follow(c.post("oie/answer", fields(password.body(), "passcode", "Ida-Enrol-2026")));
        assertTrue(codePage.body().contains("<title>Verify your email address</title>"), codePage.body());
        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(codePage.body(), "passcode", code("it.enrol@example.com"))));
        assertTrue(home.body().contains("Hello, Ida Enrol"), home.body());
    }

    @Test
    void optionalEnrollmentIsOfferedAndCanBeSkipped() throws Exception {
        sim().org().createUser("it.skip@example.com", "it.skip@example.com", "Sky", "Skip", List.of(), "Sky-Skip-2026",
                UserStatus.ACTIVE, false, Instant.now());
        WebClient c = client();
        HttpResponse<String> password = identify(c, "it.skip@example.com");
        HttpResponse<String> select = c.follow(c.post("oie/answer", fields(password.body(), "passcode", "Sky-Skip-2026")));
        assertTrue(select.body().contains("<title>Set up a security method</title>"), select.body());
        assertTrue(select.body().contains("id=\"oie-option-email\""), select.body());
        HttpResponse<String> home = c.follow(c.post("oie/skip", fields(select.body())));
        assertTrue(home.body().contains("Hello, Sky Skip"), home.body());
    }

    @Test
    void forgotPasswordShowsTheRulesAndSignsIn() throws Exception {
        sim().org().createUser("it.forgot@example.com", "it.forgot@example.com", "Fay", "Forgot", List.of(), "Forgotten-2025",
                UserStatus.ACTIVE, true, Instant.now());
        WebClient c = client();
        HttpResponse<String> password = identify(c, "it.forgot@example.com");
        HttpResponse<String> codePage = c.follow(c.post("oie/forgot-password", fields(password.body())));
        assertTrue(codePage.body().contains("<title>Reset your password</title>"), codePage.body());
        assertTrue(codePage.body().contains("Enter it to reset your password."), codePage.body());
        HttpResponse<String> reset = c.follow(c.post("oie/answer", fields(codePage.body(), "passcode", code("it.forgot@example.com"))));
        assertTrue(reset.body().contains("<title>Set a new password</title>"), reset.body());
        assertTrue(reset.body().contains("at least 8 characters"), reset.body());
        HttpResponse<String> weak = c.submit("oie/new-password", fields(reset.body(), "password", "weak", "confirmPassword", "weak"));
        assertTrue(weak.body().contains("Password requirements were not met."), "Okta's reason: " + weak.body());
        assertTrue(weak.body().contains("id=\"oie-error-password\""), "next to the field: " + weak.body());
        HttpResponse<String> home = c.follow(c.post("oie/new-password",
                fields(weak.body(), "password", "Remembered-2026", "confirmPassword", "Remembered-2026")));
        assertTrue(home.body().contains("Hello, Fay Forgot"), home.body());
    }

    @Test
    void anExpiredPasswordMustBeChanged() throws Exception {
        sim().org().createUser("it.expired@example.com", "it.expired@example.com", "Ex", "Pired", List.of(), "Expired-2025",
                UserStatus.PASSWORD_EXPIRED, true, Instant.now());
        WebClient c = client();
        HttpResponse<String> password = identify(c, "it.expired@example.com");
        HttpResponse<String> change = c.follow(c.post("oie/answer", fields(password.body(), "passcode", "Expired-2025")));
        assertTrue(change.body().contains("<title>Your password has expired</title>"), change.body());
        HttpResponse<String> home = c.follow(c.post("oie/new-password",
                fields(change.body(), "password", "Renewed-2026", "confirmPassword", "Renewed-2026")));
        assertTrue(home.body().contains("Hello, Ex Pired"), home.body());
    }

    @Test
    void startOverReturnsToTheFirstPage() throws Exception {
        WebClient c = client();
        HttpResponse<String> password = identify(c, ALICE);
        HttpResponse<String> again = c.follow(c.post("oie/restart", fields(password.body())));
        assertTrue(again.body().contains("name=\"identifier\"") && !again.body().contains("Signing in as"), again.body());
    }

    @Test
    void anExpiredTransactionRestartsWithAMessage() throws Exception {
        WebClient c = client();
        HttpResponse<String> password = identify(c, ALICE);
        sim().interactions().expireAll();
        HttpResponse<String> restarted = c.submit("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        assertEquals(200, restarted.statusCode());
        assertTrue(restarted.body().contains("has been restarted"), restarted.body());
        assertTrue(restarted.body().contains("name=\"identifier\""));
    }

    @Test
    void rateLimitsShowWhenToTryAgain() throws Exception {
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        sim().rateLimits().limit("identify", 0, Duration.ofMinutes(1));
        HttpResponse<String> limited = c.submit("oie/identify", fields(signIn.body(), "identifier", ALICE));
        assertEquals(429, limited.statusCode());
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        assertTrue(limited.body().contains("Too many attempts.") && limited.body().contains("seconds before you try again"), limited.body());
        assertNoStackTrace(limited);
    }

    @Test
    void aBrokenOrgGivesAnErrorPageWithARetryLink() throws Exception {
        // The app's oie.httpTimeoutSeconds is 3 in these tests: a 5 s silence is a timeout.
        List<Fault> faults = List.of(Fault.status(503), Fault.malformedBody(200), Fault.missingContentType(500), Fault.dropConnection(),
                Fault.delay(Duration.ofSeconds(5)));
        for (Fault fault : faults) {
            WebClient c = client();
            HttpResponse<String> signIn = c.follow(c.get("app/"));
            sim().faults().inject("identify", fault.times(1));
            HttpResponse<String> broken = c.submit("oie/identify", fields(signIn.body(), "identifier", ALICE));
            assertEquals(503, broken.statusCode(), fault + ": " + broken.body());
            assertTrue(broken.body().contains("cannot be reached right now"), broken.body());
            assertTrue(broken.body().contains("id=\"oie-retry\""), broken.body());
            assertNoStackTrace(broken);
            HttpResponse<String> retry = c.follow(c.get("oie/sign-in"));
            assertTrue(retry.body().contains("name=\"identifier\""), "the retry link starts again: " + retry.body());
        }
    }

    @Test
    void aStepTheFilterDoesNotKnowGetsAPageThatSaysSo() throws Exception {
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        sim().faults().inject("identify", new Fault(200, "{\"version\":\"1.0.0\",\"stateHandle\":\"02x\",\"intent\":\"LOGIN\","
                + "\"remediation\":{\"type\":\"array\",\"value\":[{\"rel\":[\"create-form\"],\"name\":\"launch-authenticator\","
                + "\"href\":\"" + sim().baseUri() + "/idp/idx/authenticators/okta-verify/launch\",\"method\":\"POST\","
                + "\"value\":[{\"name\":\"stateHandle\",\"required\":true,\"value\":\"02x\",\"visible\":false,\"mutable\":false}]}]}}",
                "application/ion+json; okta-version=1.0.0", Duration.ZERO, false, 1));
        HttpResponse<String> unknown = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        assertEquals(200, unknown.statusCode());
        assertTrue(unknown.body().contains("This sign-in step is not available here"), unknown.body());
        assertTrue(unknown.body().contains("<code>launch-authenticator</code>"), unknown.body());
    }

    @Test
    void twoTabsDoNotCorruptEachOther() throws Exception {
        WebClient c = client();
        HttpResponse<String> tabA = c.follow(c.get("app/"));
        HttpResponse<String> tabB = c.get("oie/sign-in");
        assertEquals(WebClient.fields(tabA.body()), WebClient.fields(tabB.body()), "the second tab joins the same sign-in");
        HttpResponse<String> passwordInA = c.follow(c.post("oie/identify", fields(tabA.body(), "identifier", ALICE)));
        assertTrue(passwordInA.body().contains("<title>Enter your password</title>"));
        HttpResponse<String> staleB = c.submit("oie/identify", fields(tabB.body(), "identifier", "someone.else@example.com"));
        assertTrue(staleB.body().contains("That page was out of date"), staleB.body());
        assertTrue(staleB.body().contains("<title>Enter your password</title>"), "shows where the sign-in stands");
        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(staleB.body(), "passcode", ALICE_PASSWORD)));
        assertTrue(home.body().contains("Hello, Alice Liddell"), home.body());
    }

    @Test
    void signedInRequestsCostNoCallsToOktaAndSignOutRevokes() throws Exception {
        WebClient c = client();
        HttpResponse<String> password = identify(c, ALICE);
        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
        var before = sim().requestLog().snapshot();
        for (int n = 0; n < 5; n++) {
            assertEquals(200, c.get("app/").statusCode());
            assertEquals(200, c.get("api/me", "Accept", "application/json").statusCode());
        }
        assertEquals(before, sim().requestLog().snapshot(), "authenticated requests make no call to Okta");

        int revokes = sim().requestLog().countOf("revoke");
        HttpResponse<String> out = c.post("oie/logout", fields(home.body()));
        assertEquals(302, out.statusCode());
        assertEquals(revokes, sim().requestLog().countOf("revoke"),
                "nothing to revoke: the session kept no access token (the app did not ask) and no refresh token was issued");
        String location = out.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(sim().issuer() + "/v1/logout?id_token_hint="), location);
        assertTrue(location.contains("post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A" + deployed.getPort() + "%2Fsample%2Foie%2Fsigned-out"), location);
        assertEquals(302, c.get("app/").statusCode(), "signed out");
    }

    @Test
    void onlyGetsAreRememberedForAfterSignIn() throws Exception {
        WebClient c = client();
        c.follow(c.get("app/details.jsp?tab=first"));
        HttpResponse<String> post = c.post("app/details.jsp", WebClient.form("tab", "posted"));
        assertEquals(302, post.statusCode());
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(c.get("oie/sign-in").body(), "identifier", ALICE)));
        HttpResponse<String> landed = c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        assertTrue(landed.headers().firstValue("Location").orElseThrow().endsWith("/sample/app/details.jsp?tab=first"),
                "the GET asked for first, not the POST: " + landed.headers().firstValue("Location"));
    }
}
