package io.oiefilter.it;

import io.oiefilter.simulator.org.SignOnMode;
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

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a person sees: the sign-in journey in real headless Chromium, a screenshot of every page. */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserSignInIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void identifierFirstSignInAndOut() throws Exception {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("identifier-first")) {
            WebDriver browser = chromium.driver();

            browser.get(base.resolve("app/details.jsp?tab=groups").toString());
            assertTrue(browser.getCurrentUrl().endsWith("/sample/oie/sign-in"), browser.getCurrentUrl());
            assertEquals("Sign in", browser.getTitle());
            chromium.screenshot("sign-in");

            browser.findElement(By.id("identifier")).sendKeys(ALICE);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            chromium.screenshot("password");

            browser.findElement(By.id("password")).sendKeys("wrong-password");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-password")));
            assertTrue(browser.findElement(By.id("oie-error-password")).getText().contains("The password is incorrect."),
                    "next to the password field");
            chromium.screenshot("wrong-password");

            browser.findElement(By.id("password")).sendKeys(ALICE_PASSWORD);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("details-title")));
            assertTrue(browser.getCurrentUrl().endsWith("/sample/app/details.jsp?tab=groups"), browser.getCurrentUrl());
            assertEquals("Details for Alice Liddell", browser.findElement(By.id("details-title")).getText());
            chromium.screenshot("requested-page");

            browser.get(base.resolve("app/").toString());
            assertEquals("Hello, Alice Liddell", browser.findElement(By.id("greeting")).getText());
            assertTrue(browser.findElement(By.id("groups")).getText().contains("Admins"));
            chromium.screenshot("account");

            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("You have signed out"));
            assertTrue(browser.findElement(By.id("oie-home")).getAttribute("href").endsWith("/sample/"));
            chromium.screenshot("signed-out");

            browser.get(base.resolve("app/").toString());
            assertTrue(browser.getCurrentUrl().endsWith("/sample/oie/sign-in"), "signed out for real: " + browser.getCurrentUrl());
        }
        try (var shots = Files.list(java.nio.file.Path.of(System.getProperty("it.screenshots")))) {
            assertTrue(shots.filter(p -> p.getFileName().toString().startsWith("identifier-first-")).count() >= 6);
        }
    }

    private static String code(String address) {
        return SimulatorExtension.simulator().outbox().latest(address).orElseThrow().code();
    }

    @Test
    void identifierFirstWithAnEmailCode() throws Exception {
        var app = SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        app.signOnMode(SignOnMode.IDENTIFIER_FIRST);
        app.requireEmailCode(true);
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("email-code")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            chromium.screenshot("sign-in");
            browser.findElement(By.id("identifier")).sendKeys(ALICE);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            chromium.screenshot("password");
            browser.findElement(By.id("password")).sendKeys(ALICE_PASSWORD);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Check your email"));
            assertTrue(browser.findElement(By.id("oie-who")).getText().contains(ALICE));
            chromium.screenshot("code");
            browser.findElement(By.id("passcode")).sendKeys(code(ALICE));
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Alice Liddell", browser.findElement(By.id("greeting")).getText());
            chromium.screenshot("signed-in");
        } finally {
            app.requireEmailCode(false);
        }
    }

    @Test
    void forgotPassword() throws Exception {
        SimulatorExtension.simulator().org().createUser("browser.forgot@example.com", "browser.forgot@example.com", "Fern", "Forgot",
                java.util.List.of(), "Forgotten-2025", io.oiefilter.simulator.org.UserStatus.ACTIVE, true, java.time.Instant.now());
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("forgot-password")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            browser.findElement(By.id("identifier")).sendKeys("browser.forgot@example.com");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            chromium.screenshot("password");
            chromium.submit(By.cssSelector("#oie-forgot button"), ExpectedConditions.titleIs("Reset your password"));
            assertTrue(browser.findElement(By.id("oie-code-text")).getText().endsWith("Enter it to reset your password."),
                    browser.findElement(By.id("oie-code-text")).getText());
            chromium.screenshot("code");
            browser.findElement(By.id("passcode")).sendKeys(code("browser.forgot@example.com"));
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set a new password"));
            assertTrue(browser.findElement(By.id("oie-rules")).getText().contains("at least 8 characters"));
            chromium.screenshot("new-password");
            browser.findElement(By.id("password")).sendKeys("Found-Again-2026");
            browser.findElement(By.id("confirmPassword")).sendKeys("Found-Again-2026");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Fern Forgot", browser.findElement(By.id("greeting")).getText());
            chromium.screenshot("signed-in");
        }
    }
}
