package io.oiefilter.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.Totp;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Okta Verify through the sample on Payara, in Chromium, the test acting as the person's phone through the simulator's
 * admin endpoint: set up by QR code, a push with the number challenge approved (the page going on by itself, and once
 * with JavaScript off through "Check again"), a rejected push, the code instead; the org asks password then Okta Verify.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OktaVerifyIT {
    private static final String PUSH_PAGE = "Verify with Okta Verify";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    private static OrgApp app() {
        return SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow();
    }

    @AfterEach
    void orgWithoutOktaVerify() {
        app().secondFactors(Set.of());
        SimulatorExtension.simulator().org().oktaVerifyNumberChallenge(false);
        SimulatorExtension.simulator().org().authenticatorActive(AuthenticatorKind.OKTA_VERIFY, false);
    }

    private static void signIn(Chromium chromium, URI base, String login, String password, String next) {
        WebDriver browser = chromium.driver();
        browser.get(base.resolve("app/").toString());
        browser.findElement(By.id("identifier")).sendKeys(login);
        chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
        browser.findElement(By.id("password")).sendKeys(password);
        chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs(next));
    }

    /** The person's phone: the simulator's admin endpoint for the user's Okta Verify. */
    private static JsonNode phone(String login, String action, String body) throws Exception {
        URI uri = URI.create(SimulatorExtension.simulator().baseUri() + "/admin/users/" + login + "/okta-verify" + action);
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
        HttpResponse<String> res = HTTP.send(body == null ? r.GET().build() : r.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    private static OrgUser user(String login, String first, String password) {
        return SimulatorExtension.simulator().org().createUser(login, login, first, "Verify", List.of(), password, UserStatus.ACTIVE, true,
                Instant.now());
    }

    private static OrgUser enrolledUser(String login, String first, String password) {
        SimulatorExtension.simulator().org().enrollmentPolicy(AuthenticatorKind.OKTA_VERIFY, Requirement.OPTIONAL);
        app().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        app().secondFactors(Set.of(AuthenticatorKind.OKTA_VERIFY)); // the org's policy: password, then Okta Verify
        OrgUser u = user(login, first, password);
        u.oktaVerify().enroll(Totp.newSecret(), Instant.now());
        return u;
    }

    private static void waitFor(WebDriver browser, org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    @Test
    void setUpByQrCodeThePageGoingOnOnceThePhoneHasIt() throws Exception {
        SimulatorExtension.simulator().org().enrollmentPolicy(AuthenticatorKind.OKTA_VERIFY, Requirement.OPTIONAL);
        app().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        String login = "ov.qr.browser@example.com";
        OrgUser u = user(login, "Quentin", "Ov-Qr-Browser-2026");
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("okta-verify-qr")) {
            WebDriver browser = chromium.driver();
            signIn(chromium, base, login, "Ov-Qr-Browser-2026", "Set up a security method");
            browser.findElement(By.id("oie-option-okta_verify")).click();
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up Okta Verify"));
            Object width = ((JavascriptExecutor) browser).executeScript(
                    "var i = document.getElementById('oie-qr-code'); return i.complete ? i.naturalWidth : 0;");
            assertTrue(((Number) width).intValue() > 0, "the QR code is drawn and shown: " + width);
            assertTrue(browser.findElement(By.id("oie-verify-by-email")).isDisplayed(), "can't scan: a link by email instead");
            chromium.screenshot("qr-code");

            JsonNode done = phone(login, "/enrollment", "");
            assertTrue(done.path("enrolled").asBoolean(), done.toString());
            waitFor(browser, d -> !d.getTitle().equals("Set up Okta Verify")); // the page's script checks again by itself
            chromium.screenshot("set-up");
            if (browser.getTitle().equals("Set up a security method")) { // what else is optional may be skipped
                chromium.submit(By.id("oie-skip-button"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            }
            assertEquals("Hello, Quentin Verify", browser.findElement(By.id("greeting")).getText());
            assertTrue(u.enrolled(AuthenticatorKind.OKTA_VERIFY));
        }
    }

    /** Can't scan: the enrollment link by email, opened on the phone; the page goes on once the app has it. */
    @Test
    void setUpByALinkByEmail() throws Exception {
        SimulatorExtension.simulator().org().enrollmentPolicy(AuthenticatorKind.OKTA_VERIFY, Requirement.OPTIONAL);
        app().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        String login = "ov.email.browser@example.com";
        OrgUser u = user(login, "Elsa", "Ov-Email-Browser-2026");
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("okta-verify-email-link")) {
            WebDriver browser = chromium.driver();
            signIn(chromium, base, login, "Ov-Email-Browser-2026", "Set up a security method");
            browser.findElement(By.id("oie-option-okta_verify")).click();
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up Okta Verify"));
            chromium.submit(By.id("oie-verify-by-email"), ExpectedConditions.presenceOfElementLocated(By.id("to")));
            browser.findElement(By.id("to")).sendKeys(u.email());
            chromium.screenshot("email-link-address");
            chromium.submit(By.cssSelector("#oie-verify-send button[type=submit]"),
                    ExpectedConditions.presenceOfElementLocated(By.id("oie-verify-sent-to")));
            chromium.screenshot("email-link-sent");
            String link = Outbox.latest(u.email()).link();
            assertTrue(link != null && link.startsWith("oktaverify://enroll?"), "the enrollment link went by email: " + link);
            JsonNode done = phone(login, "/enrollment", JSON.writeValueAsString(Map.of("token", link.substring(link.indexOf("&t=") + 3))));
            assertTrue(done.path("enrolled").asBoolean(), done.toString());
            waitFor(browser, d -> !d.getTitle().equals("Set up Okta Verify")); // the page's script checks again by itself
            if (browser.getTitle().equals("Set up a security method")) { // what else is optional may be skipped
                chromium.submit(By.id("oie-skip-button"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            }
            assertEquals("Hello, Elsa Verify", browser.findElement(By.id("greeting")).getText());
            assertTrue(u.enrolled(AuthenticatorKind.OKTA_VERIFY));
        }
    }

    @Test
    void passwordThenAPushWithTheNumberChallengeToTheAppPage() throws Exception {
        SimulatorExtension.simulator().org().oktaVerifyNumberChallenge(true);
        String login = "ov.push.browser@example.com";
        enrolledUser(login, "Paula", "Ov-Push-Browser-2026");
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("okta-verify-push")) {
            WebDriver browser = chromium.driver();
            signIn(chromium, base, login, "Ov-Push-Browser-2026", PUSH_PAGE);
            String number = browser.findElement(By.id("oie-verify-number")).getText();
            assertTrue(number.matches("\\d{2}"), "the number to tap, shown large: " + number);
            JsonNode device = phone(login, "", null);
            assertTrue(device.path("numberChoices").toString().contains(number), "the phone offers it: " + device);
            chromium.screenshot("number");
            phone(login, "/push/approve", "{\"number\":" + number + "}");
            waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("greeting"))); // the page's script went on
            assertEquals("Hello, Paula Verify", browser.findElement(By.id("greeting")).getText());
            chromium.screenshot("signed-in");
        }
    }

    @Test
    void withoutJavaScriptCheckAgainGoesOnOnceApproved() throws Exception {
        String login = "ov.nojs.browser@example.com";
        enrolledUser(login, "Nora", "Ov-NoJs-Browser-2026");
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("okta-verify-no-js")) {
            WebDriver browser = chromium.driver();
            chromium.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            signIn(chromium, base, login, "Ov-NoJs-Browser-2026", PUSH_PAGE);
            assertTrue(browser.findElements(By.id("oie-verify-number")).isEmpty(), "no number challenge in this org");
            chromium.submit(By.id("oie-verify-check"), ExpectedConditions.titleIs(PUSH_PAGE)); // nothing yet: the same page
            chromium.screenshot("waiting");
            phone(login, "/push/approve", "");
            // Pressed sooner than Okta's refresh interval (4 s), the button shows the same page without asking Okta: press
            // about twice a second, as a person might, until it goes on. Bounded by time, not by presses: 20 quick presses
            // once took less than the refresh interval and the loop gave up before Okta was asked.
            long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (browser.findElements(By.id("greeting")).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(500);
                chromium.submit(By.id("oie-verify-check"), d -> d.getTitle().equals(PUSH_PAGE) || !d.findElements(By.id("greeting")).isEmpty());
            }
            assertEquals("Hello, Nora Verify", browser.findElement(By.id("greeting")).getText());
            chromium.screenshot("signed-in");
        }
    }

    @Test
    void aRejectedPushShowsOktasMessageThenTheCodeInstead() throws Exception {
        String login = "ov.reject.browser@example.com";
        OrgUser u = enrolledUser(login, "Rita", "Ov-Reject-Browser-2026");
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("okta-verify-reject")) {
            WebDriver browser = chromium.driver();
            signIn(chromium, base, login, "Ov-Reject-Browser-2026", PUSH_PAGE);
            phone(login, "/push/reject", "");
            waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("oie-verify-rejected")));
            assertEquals("You have chosen to reject this login.", browser.findElement(By.id("oie-verify-rejected")).getText());
            chromium.screenshot("rejected");

            chromium.submit(By.id("oie-verify-resend"), ExpectedConditions.presenceOfElementLocated(By.id("oie-verify-check")));
            assertEquals("PENDING", phone(login, "", null).path("push").asText(), "Resend push: another push waits");
            chromium.submit(By.id("oie-verify-use-code"), ExpectedConditions.presenceOfElementLocated(By.id("passcode")));
            chromium.screenshot("code");
            String code = phone(login, "/totp", null).path("code").asText();
            browser.findElement(By.id("passcode")).sendKeys(code.equals("000000") ? "111111" : "000000");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-passcode")));
            browser.findElement(By.id("passcode")).sendKeys(Totp.code(u.oktaVerify().secret(), Instant.now()));
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Rita Verify", browser.findElement(By.id("greeting")).getText());
        }
    }
}
