package io.oiefilter.it;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authenticators beyond password and email, set up and used through the sample on Payara, in Chromium. */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticatorsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    /** Identifier, then password: on to the page {@code next} (a set-up or a challenge), as a person gets there. */
    private static void signIn(Chromium chromium, URI base, String login, String password, String next) {
        WebDriver browser = chromium.driver();
        browser.get(base.resolve("app/").toString());
        browser.findElement(By.id("identifier")).sendKeys(login);
        chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
        browser.findElement(By.id("password")).sendKeys(password);
        chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs(next));
    }

    @Test
    void googleAuthenticatorIsSetUpFromItsQrCodeThenAsksForACode() throws Exception {
        var sim = SimulatorExtension.simulator();
        OrgApp app = sim.org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        app.signOnMode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP, Requirement.OPTIONAL);
        String login = "totp.browser@example.com";
        OrgUser u = sim.org().createUser(login, login, "Tia", "Totp", List.of(), "Totp-Browser-2026", UserStatus.ACTIVE, true,
                Instant.now());
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("google-authenticator")) {
            WebDriver browser = chromium.driver();
            signIn(chromium, base, login, "Totp-Browser-2026", "Set up a security method");
            browser.findElement(By.id("oie-option-google_otp")).click();
            chromium.screenshot("choose");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up Google Authenticator"));
            Object width = ((JavascriptExecutor) browser).executeScript(
                    "var i = document.getElementById('oie-qr-code'); return i.complete ? i.naturalWidth : 0;");
            assertTrue(((Number) width).intValue() > 0, "the QR code is drawn and shown: " + width);
            String secret = browser.findElement(By.id("oie-shared-secret")).getText();
            assertTrue(secret.matches("[A-Z2-7]{16,}"), "the key for manual entry: " + secret);
            chromium.screenshot("qr-code");

            browser.findElement(By.id("passcode")).sendKeys("000000".equals(Totp.code(secret, Instant.now())) ? "111111" : "000000");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-passcode")));
            chromium.screenshot("wrong-code");
            browser.findElement(By.id("passcode")).sendKeys(Totp.code(secret, Instant.now()));
            chromium.submit(By.id("oie-submit"), d -> d.getTitle().equals("Set up a security method")
                    || !d.findElements(By.id("greeting")).isEmpty());
            if (browser.getTitle().equals("Set up a security method")) { // what else is optional may be skipped
                chromium.submit(By.id("oie-skip-button"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            }
            assertEquals(secret, u.totpSecret(), "set up with the key the page showed");
            chromium.screenshot("signed-in");

            app.secondFactors(Set.of(AuthenticatorKind.GOOGLE_OTP));
            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("You have signed out"));
            signIn(chromium, base, login, "Totp-Browser-2026", "Enter a code from Google Authenticator");
            assertTrue(browser.findElements(By.id("oie-qr-code")).isEmpty(), "no QR code once set up");
            chromium.screenshot("code");
            browser.findElement(By.id("passcode")).sendKeys(Totp.code(secret, Instant.now().plusSeconds(30)));
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Tia Totp", browser.findElement(By.id("greeting")).getText());
        } finally {
            app.secondFactors(Set.of());
            sim.org().enrollmentPolicy(AuthenticatorKind.GOOGLE_OTP, Requirement.NOT_ALLOWED);
            sim.org().authenticatorActive(AuthenticatorKind.GOOGLE_OTP, false);
        }
    }

    @Test
    void aSecurityQuestionOfOnesOwnIsSetUpThenAnswered() throws Exception {
        var sim = SimulatorExtension.simulator();
        OrgApp app = sim.org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        app.signOnMode(SignOnMode.IDENTIFIER_FIRST);
        sim.org().enrollmentPolicy(AuthenticatorKind.SECURITY_QUESTION, Requirement.OPTIONAL);
        String login = "question.browser@example.com";
        OrgUser u = sim.org().createUser(login, login, "Quinn", "Question", List.of(), "Question-Browser-2026", UserStatus.ACTIVE, true,
                Instant.now());
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("security-question")) {
            WebDriver browser = chromium.driver();
            signIn(chromium, base, login, "Question-Browser-2026", "Set up a security method");
            browser.findElement(By.id("oie-option-security_question")).click();
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a security question"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("questionKey"))).selectByValue("custom");
            browser.findElement(By.id("question")).sendKeys("Name of my first cat?");
            browser.findElement(By.id("answer")).sendKeys("abc");
            chromium.screenshot("set-up");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-answer")));
            assertTrue(browser.findElement(By.id("oie-error-answer")).getText().contains("at least 4 characters"),
                    "Okta's reason, next to the answer: " + browser.findElement(By.id("oie-error-answer")).getText());
            chromium.screenshot("answer-too-short");
            assertEquals("custom", new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("questionKey")))
                    .getFirstSelectedOption().getAttribute("value"), "the choice is kept");
            assertEquals("Name of my first cat?", browser.findElement(By.id("question")).getAttribute("value"), "the question is kept");
            assertEquals("", browser.findElement(By.id("answer")).getAttribute("value"), "never the answer");
            browser.findElement(By.id("answer")).sendKeys("Whiskers");
            chromium.submit(By.id("oie-submit"), d -> d.getTitle().equals("Set up a security method")
                    || !d.findElements(By.id("greeting")).isEmpty());
            if (browser.getTitle().equals("Set up a security method")) {
                chromium.submit(By.id("oie-skip-button"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            }
            assertEquals("Name of my first cat?", u.securityQuestion().question());

            app.secondFactors(Set.of(AuthenticatorKind.SECURITY_QUESTION));
            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("You have signed out"));
            signIn(chromium, base, login, "Question-Browser-2026", "Answer your security question");
            assertEquals("Name of my first cat?", browser.findElement(By.id("oie-question-text")).getText());
            browser.findElement(By.id("answer")).sendKeys("Tiddles");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-answer")));
            chromium.screenshot("wrong-answer");
            browser.findElement(By.id("answer")).sendKeys("whiskers");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Quinn Question", browser.findElement(By.id("greeting")).getText());
            chromium.screenshot("signed-in");
        } finally {
            app.secondFactors(Set.of());
            sim.org().enrollmentPolicy(AuthenticatorKind.SECURITY_QUESTION, Requirement.NOT_ALLOWED);
            sim.org().authenticatorActive(AuthenticatorKind.SECURITY_QUESTION, false);
        }
    }
}
