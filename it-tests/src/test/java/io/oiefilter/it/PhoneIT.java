package io.oiefilter.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone through the sample on Payara, in Chromium: a bad number refused in Okta's words, a good one set up by a
 * voice call, then each sign-in a code by SMS, resent once Okta's cooldown has passed. The codes are read as the
 * person's phone would get them: from the simulator's admin endpoint.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneIT {
    private static final String PASSWORD = "Phone-Browser-2026";

    @Deployment(testable = false)
    static WebArchive deployment() {
        // The filter's own cooldown short, so that Okta's (30 s on the simulator's clock) is the one met.
        return SampleDeployment.war("oie.resendCooldownSeconds=1", null, null);
    }

    @ArquillianResource
    URL deployed;

    private static void signIn(Chromium chromium, URI base, String login, String next) {
        WebDriver browser = chromium.driver();
        browser.get(base.resolve("app/").toString());
        browser.findElement(By.id("identifier")).sendKeys(login);
        chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs(next));
    }

    /** The codes sent to the user's phone, oldest first, from GET /admin/users/{login}/phone-codes. */
    private static JsonNode phoneCodes(String login) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(SimulatorExtension.simulator().baseUri() + "/admin/users/" + login + "/phone-codes")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).get("messages");
    }

    private static JsonNode lastCode(String login) throws Exception {
        JsonNode codes = phoneCodes(login);
        return codes.get(codes.size() - 1);
    }

    @Test
    void aPhoneIsSetUpByVoiceAfterABadNumberThenEachSignInSendsACodeBySms() throws Exception {
        var sim = SimulatorExtension.simulator();
        OrgApp app = sim.org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        app.signOnMode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().enrollmentPolicy(AuthenticatorKind.PHONE, Requirement.OPTIONAL);
        String login = "phone.browser@example.com";
        OrgUser u = sim.org().createUser(login, login, "Phil", "Phone", List.of(), PASSWORD, UserStatus.ACTIVE, true, Instant.now());
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("phone")) {
            WebDriver browser = chromium.driver();
            signIn(chromium, base, login, "Set up a security method");
            browser.findElement(By.id("oie-option-phone_number")).click();
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up your phone"));
            assertEquals(2, browser.findElements(By.cssSelector("input[name=methodType]")).size(), "SMS and voice, as the org allows");

            browser.findElement(By.id("phoneNumber")).sendKeys("+1 555 01");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-phoneNumber")));
            assertEquals("Invalid Phone Number.", browser.findElement(By.id("oie-error-phoneNumber")).getText(), "Okta's words, by the field");
            assertEquals("+1 555 01", browser.findElement(By.id("phoneNumber")).getAttribute("value"), "the number typed, to correct");
            assertEquals(0, phoneCodes(login).size());
            chromium.screenshot("number-refused");

            browser.findElement(By.id("phoneNumber")).clear();
            browser.findElement(By.id("phoneNumber")).sendKeys("+1 (415) 555-0142");
            browser.findElement(By.id("oie-method-voice")).click();
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Verify your phone number"));
            JsonNode call = lastCode(login);
            assertEquals("voice", call.get("method").asText());
            assertEquals("+1 XXX-XXX-0142", call.get("phoneNumber").asText(), "the outbox masks the number as Okta does");
            chromium.screenshot("enroll-code");
            browser.findElement(By.id("passcode")).sendKeys(call.get("code").asText());
            chromium.submit(By.id("oie-submit"), d -> d.getTitle().equals("Set up a security method")
                    || !d.findElements(By.id("greeting")).isEmpty());
            if (browser.getTitle().equals("Set up a security method")) { // what else is optional may be skipped
                chromium.submit(By.id("oie-skip-button"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            }
            assertEquals("+14155550142", u.phoneNumber());

            app.secondFactors(Set.of(AuthenticatorKind.PHONE));
            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("You have signed out"));
            signIn(chromium, base, login, "Verify with your phone");
            assertTrue(browser.findElement(By.id("oie-phone-text")).getText().contains("+1 XXX-XXX-0142"),
                    browser.findElement(By.id("oie-phone-text")).getText());
            assertTrue(browser.findElements(By.id("phoneNumber")).isEmpty(), "no number asked once set up");
            browser.findElement(By.id("oie-method-sms")).click();
            chromium.screenshot("choose-method");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Check your phone"));
            assertTrue(browser.findElement(By.id("oie-code-text")).getText().startsWith("We sent a code by text message to +1 XXX-XXX-0142."),
                    browser.findElement(By.id("oie-code-text")).getText());
            String first = lastCode(login).get("code").asText();
            assertEquals("sms", lastCode(login).get("method").asText());

            // The filter's countdown (1 s) ends; Okta's own cooldown on resend is 30 s of the simulator's clock.
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("oie-resend-button")));
            sim.clock().advance(Duration.ofSeconds(31));
            try {
                chromium.submit(By.id("oie-resend-button"), ExpectedConditions.titleIs("Check your phone"));
            } finally {
                sim.clock().reset(); // the simulator is shared by every IT
            }
            assertTrue(browser.getPageSource().contains("We sent a new code."));
            assertEquals(3, phoneCodes(login).size(), "one code at enrollment, two at this sign-in");
            String second = lastCode(login).get("code").asText();
            chromium.screenshot("resent");
            if (!second.equals(first)) {
                browser.findElement(By.id("passcode")).sendKeys(first);
                chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-passcode")));
            }
            browser.findElement(By.id("passcode")).sendKeys(second);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Phil Phone", browser.findElement(By.id("greeting")).getText());
            chromium.screenshot("signed-in");
        } finally {
            app.secondFactors(Set.of());
            sim.org().enrollmentPolicy(AuthenticatorKind.PHONE, Requirement.NOT_ALLOWED);
            sim.org().authenticatorActive(AuthenticatorKind.PHONE, false);
        }
    }
}
