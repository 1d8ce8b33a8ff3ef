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
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.error")));
            assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("The password is incorrect."));
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

            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("oie-filter sample"));
            assertTrue(browser.getPageSource().contains("Welcome to the sample app"));
            chromium.screenshot("signed-out");

            browser.get(base.resolve("app/").toString());
            assertTrue(browser.getCurrentUrl().endsWith("/sample/oie/sign-in"), "signed out for real: " + browser.getCurrentUrl());
        }
        try (var shots = Files.list(java.nio.file.Path.of(System.getProperty("it.screenshots")))) {
            assertTrue(shots.filter(p -> p.getFileName().toString().startsWith("identifier-first-")).count() >= 6);
        }
    }
}
