package io.oiefilter.it;

import io.oiefilter.simulator.org.AuthenticatorKind;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-up on the filter's pages, and coming back to a sign-up abandoned after the profile step. */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignUpIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    @BeforeEach
    void identifierFirst() {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    private WebClient client() {
        return new WebClient(SampleDeployment.base(deployed));
    }

    private HttpResponse<String> signUpForm(WebClient c, String firstPage) throws Exception {
        HttpResponse<String> signIn = c.follow(c.get(firstPage));
        assertTrue(signIn.body().contains("id=\"oie-sign-up\""), "the org lets people sign up: " + signIn.body());
        return c.follow(c.post("oie/sign-up", fields(signIn.body())));
    }

    @Test
    void signUpEnrollAPasswordAndLandOnTheRequestedPage() throws Exception {
        WebClient c = client();
        HttpResponse<String> form = signUpForm(c, "app/details.jsp?tab=new");
        assertTrue(form.body().contains("<title>Create your account</title>"), form.body());
        HttpResponse<String> taken = c.submit("oie/register", fields(form.body(), "firstName", "Al", "lastName", "Ready",
                "email", SampleDeployment.ALICE));
        assertFalse(taken.body().contains("Those details cannot be used to sign up."), "Okta's words only, no generic duplicate");
        assertTrue(taken.body().contains("value=\"Ready\""), "what was typed stays in the form");
        assertTrue(taken.body().contains("<div id=\"oie-error-email\" class=\"error field-error\" role=\"alert\"><p>A user with this Email already exists</p></div>"),
                taken.body());
        assertTrue(form.body().contains("id=\"oie-field-department\""), "the org's custom attribute is asked for");

        HttpResponse<String> select = c.follow(c.post("oie/register", fields(taken.body(), "firstName", "Nia", "lastName", "New",
                "email", "it.nia@example.com", "department", "Research")));
        assertTrue(select.body().contains("<title>Set up a security method</title>"), select.body());
        // Email first: Okta sends a code, then the password (the one method left is chosen for the person).
        String emailId = SimulatorExtension.simulator().org().authenticatorId(AuthenticatorKind.EMAIL);
        HttpResponse<String> code = c.follow(c.post("oie/select", fields(select.body(), "authenticator", emailId)));
        assertTrue(code.body().contains("<title>Verify your email address</title>"), code.body());
        String sent = SimulatorExtension.simulator().outbox().latest("it.nia@example.com").orElseThrow().code();
        HttpResponse<String> password = c.follow(c.post("oie/answer", fields(code.body(), "passcode", sent)));
        assertTrue(password.body().contains("<title>Set up a password</title>"), password.body());
        HttpResponse<String> landed = c.post("oie/new-password", fields(password.body(), "password", "Brand-New-2026",
                "confirmPassword", "Brand-New-2026"));
        assertTrue(landed.headers().firstValue("Location").orElseThrow().endsWith("/sample/app/details.jsp?tab=new"),
                "on the page first asked for: " + landed.headers().firstValue("Location"));
        assertTrue(c.follow(landed).body().contains("Details for Nia New"));
        assertEquals(UserStatus.ACTIVE, SimulatorExtension.simulator().org().userByLogin("it.nia@example.com").orElseThrow().status());
    }

    @Test
    void abandonAfterTheProfileThenComeBackAndSignIn() throws Exception {
        WebClient first = client();
        HttpResponse<String> form = signUpForm(first, "app/");
        first.follow(first.post("oie/register", fields(form.body(), "firstName", "Ada", "lastName", "Gone",
                "email", "it.ada@example.com")));
        assertEquals(UserStatus.PROVISIONED, SimulatorExtension.simulator().org().userByLogin("it.ada@example.com").orElseThrow().status());

        WebClient later = client(); // another day, another browser
        HttpResponse<String> signIn = later.follow(later.get("app/"));
        HttpResponse<String> code = later.follow(later.post("oie/identify", fields(signIn.body(), "identifier", "it.ada@example.com")));
        assertTrue(code.body().contains("If this account is waiting to be activated"), code.body());
        String sent = Outbox.code("it.ada@example.com");
        HttpResponse<String> password = later.follow(later.post("oie/answer", fields(code.body(), "passcode", sent)));
        HttpResponse<String> home = later.follow(later.post("oie/new-password", fields(password.body(), "password", "Back-Again-2026",
                "confirmPassword", "Back-Again-2026")));
        assertTrue(home.body().contains("Hello, Ada Gone"), home.body());
    }

    @Test
    void signUpInABrowser() throws Exception {
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("sign-up")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            chromium.screenshot("sign-in");
            chromium.submit(By.cssSelector("#oie-sign-up button"), ExpectedConditions.titleIs("Create your account"));
            browser.findElement(By.id("oie-field-firstName")).sendKeys("Bea");
            browser.findElement(By.id("oie-field-lastName")).sendKeys("Browser");
            browser.findElement(By.id("oie-field-email")).sendKeys("it.bea@example.com");
            chromium.screenshot("profile");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a security method"));
            chromium.screenshot("choose");
            browser.findElement(By.id("oie-option-password")).click();
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a password"));
            browser.findElement(By.id("password")).sendKeys("Bea-Browser-2026");
            browser.findElement(By.id("confirmPassword")).sendKeys("Bea-Browser-2026");
            chromium.screenshot("password");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a security method"));
            chromium.screenshot("optional");
            chromium.submit(By.id("oie-skip-button"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Bea Browser", browser.findElement(By.id("greeting")).getText());
            chromium.screenshot("signed-in");
        }
    }

    @Test
    void abandonAndReturnInABrowser() throws Exception {
        URI base = SampleDeployment.base(deployed);
        try (Chromium chromium = new Chromium("abandon")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            chromium.submit(By.cssSelector("#oie-sign-up button"), ExpectedConditions.titleIs("Create your account"));
            browser.findElement(By.id("oie-field-firstName")).sendKeys("Abby");
            browser.findElement(By.id("oie-field-lastName")).sendKeys("Away");
            browser.findElement(By.id("oie-field-email")).sendKeys("it.abby@example.com");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a security method"));
            chromium.screenshot("walked-away-here");
        }
        assertEquals(UserStatus.PROVISIONED, SimulatorExtension.simulator().org().userByLogin("it.abby@example.com").orElseThrow().status());
        try (Chromium chromium = new Chromium("return")) { // another day, a fresh browser
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            browser.findElement(By.id("identifier")).sendKeys("it.abby@example.com");
            chromium.screenshot("back-to-sign-in");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-activation-text")));
            chromium.screenshot("activation-code");
            browser.findElement(By.id("passcode")).sendKeys(
                    SimulatorExtension.simulator().outbox().latest("it.abby@example.com").orElseThrow().code());
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a password"));
            browser.findElement(By.id("password")).sendKeys("Abby-Is-Back-2026");
            browser.findElement(By.id("confirmPassword")).sendKeys("Abby-Is-Back-2026");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Abby Away", browser.findElement(By.id("greeting")).getText());
            chromium.screenshot("signed-in");
        }
    }
}
