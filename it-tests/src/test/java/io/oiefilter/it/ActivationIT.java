package io.oiefilter.it;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Requirement;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PROVISIONED and STAGED users through the sample WAR on Payara Micro: the sample's custom strategy
 * (the Management API one, for example.com accounts) against the simulator's IDX and Users APIs.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivationIT {
    private static final AtomicInteger USERS = new AtomicInteger();

    /** The SMTP server the app's own activation codes go to (oie.activation.smtp.* in arquillian.xml). */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.parseInt(System.getProperty("it.smtp.port")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Throttle counts in Payara's JCache (no CDI in the sample: the one Payara binds in JNDI). Every test
        // here comes from 127.0.0.1, so the per-address limit is raised above what the class uses.
        return SampleDeployment.war("oie.activation.attemptStore=jcache,oie.activation.maxStartsPerAddress=100", null, null);
    }

    @ArquillianResource
    URL deployed;

    private static Simulator sim() {
        return SimulatorExtension.simulator();
    }

    @BeforeEach
    void identifierFirst() {
        sim().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    @org.junit.jupiter.api.AfterEach
    void emailEnrollmentBack() {
        sim().org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.OPTIONAL);
    }

    /** A fresh user in the given status, so tests do not depend on each other. */
    private static OrgUser user(UserStatus status, String domain) {
        String login = "it.activation." + USERS.incrementAndGet() + domain;
        return sim().org().createUser(login, login, "Activ", "User" + USERS.get(), List.of(), null, status, false, Instant.now());
    }

    private WebClient client() {
        return new WebClient(SampleDeployment.base(deployed));
    }

    private static String code(String address) throws InterruptedException {
        return Outbox.code(address);
    }

    private HttpResponse<String> failedIdentify(WebClient c, String login, String firstPage) throws Exception {
        HttpResponse<String> signIn = c.follow(c.get(firstPage));
        HttpResponse<String> posted = c.post("oie/identify", fields(signIn.body(), "identifier", login));
        assertEquals(302, posted.statusCode(), "every failed identify answers alike: " + login);
        assertTrue(posted.headers().firstValue("Location").orElseThrow().endsWith("/sample/oie/sign-in"));
        return c.follow(posted);
    }

    private void activatesAndLandsOnTheRequestedPage(UserStatus status) throws Exception {
        OrgUser u = user(status, "@example.com");
        WebClient c = client();
        HttpResponse<String> codePage = failedIdentify(c, u.login(), "app/details.jsp?tab=activation");
        assertTrue(codePage.body().contains("If this account is waiting to be activated"), codePage.body());
        HttpResponse<String> password = c.follow(c.post("oie/answer", fields(codePage.body(), "passcode", code(u.email()))));
        assertTrue(password.body().contains("<title>Set up a password</title>"), password.body());
        assertTrue(password.body().contains("at least 8 characters"), "the org's rules are shown");
        HttpResponse<String> landed = c.post("oie/new-password", fields(password.body(), "password", "Activated-2026",
                "confirmPassword", "Activated-2026"));
        assertEquals(302, landed.statusCode());
        assertTrue(landed.headers().firstValue("Location").orElseThrow().endsWith("/sample/app/details.jsp?tab=activation"),
                "on the page first asked for: " + landed.headers().firstValue("Location"));
        assertTrue(c.follow(landed).body().contains("Details for Activ"), "signed in");
        assertEquals(UserStatus.ACTIVE, u.status());
    }

    @Test
    void aProvisionedUserActivates() throws Exception {
        activatesAndLandsOnTheRequestedPage(UserStatus.PROVISIONED);
    }

    /**
     * An org whose enrollment policy requires Google Authenticator: after the code and the password,
     * the activation goes on to the authenticator's set-up page and ends signed in on the page first asked for.
     */
    @Test
    void aProvisionedUserInAnOrgRequiringASecondFactorAtEnrollmentEndsSignedIn() throws Exception {
        sim().org().enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP, Requirement.REQUIRED);
        try {
            OrgUser u = user(UserStatus.PROVISIONED, "@example.com");
            WebClient c = client();
            HttpResponse<String> codePage = failedIdentify(c, u.login(), "app/details.jsp?tab=mfa");
            HttpResponse<String> choose = c.follow(c.post("oie/answer", fields(codePage.body(), "passcode", code(u.email()))));
            // Two required set-ups left, as Okta offers them: the person picks the order.
            assertTrue(choose.body().contains("<title>Set up a security method</title>"), choose.body());
            assertTrue(choose.body().contains("id=\"oie-option-google_otp\""), choose.body());
            java.util.regex.Matcher passwordOption = java.util.regex.Pattern
                    .compile("value=\"([^\"]+)\" id=\"oie-option-password\"").matcher(choose.body());
            assertTrue(passwordOption.find(), choose.body());
            HttpResponse<String> password = c.follow(c.post("oie/select", fields(choose.body(), "authenticator",
                    passwordOption.group(1))));
            assertTrue(password.body().contains("<title>Set up a password</title>"), password.body());
            HttpResponse<String> totp = c.follow(c.post("oie/new-password", fields(password.body(), "password", "Activated-2026",
                    "confirmPassword", "Activated-2026")));
            assertTrue(totp.body().contains("<title>Set up Google Authenticator</title>"), totp.body());
            java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"oie-shared-secret\">([A-Z2-7]+)<")
                    .matcher(totp.body());
            assertTrue(secret.find(), "the key for manual entry is on the page");
            HttpResponse<String> landed = c.post("oie/answer", fields(totp.body(), "passcode",
                    io.oiefilter.simulator.org.Totp.code(secret.group(1), Instant.now())));
            assertEquals(302, landed.statusCode());
            assertTrue(landed.headers().firstValue("Location").orElseThrow().endsWith("/sample/app/details.jsp?tab=mfa"),
                    "on the page first asked for: " + landed.headers().firstValue("Location"));
            assertTrue(c.follow(landed).body().contains("Details for Activ"), "signed in");
            assertEquals(UserStatus.ACTIVE, u.status());
            assertEquals(secret.group(1), u.totpSecret(), "Google Authenticator set up with the key the page showed");
        } finally {
            sim().org().enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP, Requirement.NOT_ALLOWED);
            sim().org().authenticatorActive(AuthenticatorKind.GOOGLE_OTP, false);
        }
    }

    @Test
    void aStagedUserActivates() throws Exception {
        activatesAndLandsOnTheRequestedPage(UserStatus.STAGED);
    }

    @Test
    void unknownSuspendedOtherDomainAndProvisionedUsersSeeTheSamePage() throws Exception {
        OrgUser provisioned = user(UserStatus.PROVISIONED, "@example.com");
        OrgUser otherDomain = user(UserStatus.PROVISIONED, "@other.test");
        List<String> logins = List.of(provisioned.login(), "it.nobody@example.com", "bob@example.com", otherDomain.login());
        String reference = null;
        for (String login : logins) {
            WebClient c = client();
            HttpResponse<String> page = failedIdentify(c, login, "app/");
            assertEquals(200, page.statusCode(), login);
            String normalised = SampleDeployment.normalised(page.body(), login);
            if (reference == null) {
                reference = normalised;
            }
            assertEquals(reference, normalised, login + " gets the same page as " + logins.get(0));
            // A code posted joins the background work: after it, whatever was to be sent has been.
            assertTrue(c.submit("oie/answer", fields(page.body(), "passcode", "000000")).body().contains("That code is not valid."));
        }
        assertEquals(1, sim().outbox().to(provisioned.email()).size(), "a code only for the account awaiting activation");
        assertTrue(sim().outbox().to(otherDomain.email()).isEmpty(), "the sample's strategy leaves other domains alone");
    }

    @Test
    void fiveWrongCodesStartOver() throws Exception {
        OrgUser u = user(UserStatus.PROVISIONED, "@example.com");
        WebClient c = client();
        HttpResponse<String> page = failedIdentify(c, u.login(), "app/");
        for (int n = 1; n < 5; n++) {
            page = c.submit("oie/answer", fields(page.body(), "passcode", "00000" + n));
            assertTrue(page.body().contains("That code is not valid."), page.body());
        }
        HttpResponse<String> over = c.submit("oie/answer", fields(page.body(), "passcode", "000009"));
        assertTrue(over.body().contains("Too many wrong codes."), over.body());
        assertTrue(over.body().contains("name=\"identifier\""), "back at the start");
    }

    @Test
    void resendWaitsForTheCooldown() throws Exception {
        OrgUser u = user(UserStatus.PROVISIONED, "@example.com");
        WebClient c = client();
        HttpResponse<String> page = failedIdentify(c, u.login(), "app/");
        Outbox.latest(u.email());
        HttpResponse<String> early = c.submit("oie/resend", fields(page.body()));
        assertTrue(early.body().contains("It is too soon to ask for another code."), early.body());
        assertEquals(1, sim().outbox().to(u.email()).size());
    }

    @Test
    void anOktaActivationEmailLinkContinuesOnTheAppsPages() throws Exception {
        OrgUser u = user(UserStatus.PROVISIONED, "@example.com");
        HttpResponse<String> reactivated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim().baseUri()
                + "/api/v1/users/" + u.id() + "/lifecycle/reactivate?sendEmail=true"))
                .header("Authorization", "SSWS 00demo-management-api-token-not-for-production")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reactivated.statusCode(), reactivated.body());
        String link = sim().outbox().latest(u.email()).orElseThrow().link();
        assertTrue(link.startsWith(SampleDeployment.base(deployed) + "oie/activate?token="), link);

        WebClient c = client();
        HttpResponse<String> opened = c.get(link);
        assertEquals(302, opened.statusCode());
        String token = link.substring(link.indexOf("token=") + 6);
        assertFalse(opened.headers().firstValue("Location").orElseThrow().contains(token), "the token leaves the URL at once");
        HttpResponse<String> select = c.follow(opened);
        assertTrue(select.body().contains("<title>Set up a security method</title>"), select.body());
        String passwordId = sim().org().authenticatorId(io.oiefilter.simulator.org.AuthenticatorKind.PASSWORD);
        HttpResponse<String> password = c.follow(c.post("oie/select", fields(select.body(), "authenticator", passwordId)));
        HttpResponse<String> optional = c.follow(c.post("oie/new-password", fields(password.body(), "password", "Linked-2026",
                "confirmPassword", "Linked-2026")));
        assertFalse(optional.body().contains("If this account is waiting to be activated"),
                "arrived by the link: the page says what it is for, not the words for a failed sign-in");
        // The enrollment policy has email OPTIONAL (see emailEnrollmentBack): offered after the password, and skipped.
        assertTrue(optional.body().contains("id=\"oie-skip\""), optional.body());
        HttpResponse<String> next = c.follow(c.post("oie/skip", fields(optional.body())));
        assertTrue(next.body().contains("Hello, Activ"), next.body());

        HttpResponse<String> reused = client().get(link);
        assertEquals(410, reused.statusCode(), "a spent link is the person's error, not an outage");
        assertTrue(reused.body().contains("This activation link is no longer valid."), reused.body());
    }

    @Test
    void theWholeJourneyInABrowser() throws Exception {
        OrgUser u = user(UserStatus.PROVISIONED, "@example.com");
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("activation")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/details.jsp?tab=welcome").toString());
            chromium.screenshot("sign-in");
            browser.findElement(By.id("identifier")).sendKeys(u.login());
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-activation-text")));
            chromium.screenshot("activation-code");
            browser.findElement(By.id("passcode")).sendKeys(code(u.email()));
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a password"));
            chromium.screenshot("new-password");
            browser.findElement(By.id("password")).sendKeys("Browser-Activated-2026");
            browser.findElement(By.id("confirmPassword")).sendKeys("Browser-Activated-2026");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("details-title")));
            assertTrue(browser.getCurrentUrl().endsWith("/sample/app/details.jsp?tab=welcome"), browser.getCurrentUrl());
            chromium.screenshot("signed-in");
        }
        assertEquals(UserStatus.ACTIVE, u.status());
    }

    @Test
    void withoutAnEmailAuthenticatorTheAppEmailsTheCodeItself() throws Exception {
        sim().org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.NOT_ALLOWED);
        OrgUser u = user(UserStatus.PROVISIONED, "@example.com");
        WebClient c = client();
        HttpResponse<String> codePage = failedIdentify(c, u.login(), "app/");
        assertTrue(codePage.body().contains("If this account is waiting to be activated"), codePage.body());
        assertTrue(SMTP.waitForIncomingEmail(10_000, 1), "the filter's own email, sent from the background");
        assertTrue(sim().outbox().to(u.email()).isEmpty(), "Okta sent nothing");
        var received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals(u.email(), received[0].getAllRecipients()[0].toString());
        String code = GreenMailUtil.getBody(received[0]).replaceAll("(?s).*account: (\\d{6}).*", "$1");
        HttpResponse<String> password = c.follow(c.post("oie/answer", fields(codePage.body(), "passcode", code)));
        assertTrue(password.body().contains("<title>Set up a password</title>"), password.body());
        HttpResponse<String> home = c.follow(c.post("oie/new-password", fields(password.body(), "password", "Own-Code-2026",
                "confirmPassword", "Own-Code-2026")));
        assertTrue(home.body().contains("Hello, Activ"), home.body());
        assertEquals(UserStatus.ACTIVE, u.status());
    }

    @Test
    void startsPerLoginAreThrottledInTheServersJCache() throws Exception {
        OrgUser u = user(UserStatus.PROVISIONED, "@example.com");
        for (int n = 0; n < 4; n++) {
            WebClient c = client();
            HttpResponse<String> page = failedIdentify(c, u.login(), "app/");
            assertTrue(page.body().contains("If this account is waiting to be activated"), "the same page every time");
            c.post("oie/answer", fields(page.body(), "passcode", "000000")); // joins the background work
        }
        assertEquals(3, sim().outbox().to(u.email()).size(), "oie.activation.maxStartsPerLogin is 3: the fourth sent nothing");
    }

    @Test
    void anActivationAbandonedAfterTheEmailCodeEndsSignedInTheNextTime() throws Exception {
        // Created, email enrolled, browser closed before the password: Okta offers only the password now.
        String login = "it.activation.halfway." + USERS.incrementAndGet() + "@example.com";
        OrgUser u = sim().org().createUser(login, login, "Half", "Way", List.of(), null, UserStatus.PROVISIONED, true, Instant.now());
        WebClient c = client();
        HttpResponse<String> codePage = failedIdentify(c, u.login(), "app/");
        assertTrue(codePage.body().contains("If this account is waiting to be activated"), codePage.body());
        io.oiefilter.simulator.mail.Email sent = Outbox.latest(u.email());
        assertEquals("factor-challenge", sent.kind(), "Okta emailed a code for the enrolled email factor");
        HttpResponse<String> password = c.follow(c.post("oie/answer", fields(codePage.body(), "passcode", sent.code())));
        assertTrue(password.body().contains("<title>Set up a password</title>"), password.body());
        HttpResponse<String> home = c.follow(c.post("oie/new-password", fields(password.body(), "password", "Half-Way-2026",
                "confirmPassword", "Half-Way-2026")));
        assertTrue(home.body().contains("Hello, Half Way"), home.body());
        assertEquals(UserStatus.ACTIVE, u.status());
    }
}
