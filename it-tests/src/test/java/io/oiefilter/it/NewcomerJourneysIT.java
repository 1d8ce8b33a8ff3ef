package io.oiefilter.it;

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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journeys a newcomer walks in the demo, in headless Chromium with a screenshot of each page:
 * the way out of sign-up, reloads after a refusal, the resend countdown, show password, signing out.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NewcomerJourneysIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    private URI base;

    @BeforeEach
    void identifierFirst() {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        base = SampleDeployment.base(deployed);
    }

    private static Map<String, Integer> oktaCalls() {
        return SimulatorExtension.simulator().requestLog().snapshot();
    }

    @Test
    void iAlreadyHaveAnAccountLeavesTheSignUpFormFreshOrRefused() throws Exception {
        try (Chromium chromium = new Chromium("sign-up-escape")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("oie/sign-in").toString());
            chromium.submit(By.cssSelector("#oie-sign-up button"), ExpectedConditions.titleIs("Create your account"));
            assertTrue(browser.findElement(By.id("oie-sign-up-domains")).getText().contains("example.com"));
            chromium.screenshot("sign-up-form");

            // A fresh form: straight back to the sign-in form, in the same Okta transaction.
            int selects = SimulatorExtension.simulator().requestLog().countOf("identify/select");
            chromium.submit(By.id("oie-have-account-button"), ExpectedConditions.titleIs("Sign in"));
            assertEquals(selects + 1, SimulatorExtension.simulator().requestLog().countOf("identify/select"), "Okta's select-identify");
            assertTrue(browser.findElements(By.id("oie-who")).isEmpty());
            chromium.screenshot("back-to-sign-in");

            // A refused form (an address outside the sample's domain), then the way out again.
            chromium.submit(By.cssSelector("#oie-sign-up button"), ExpectedConditions.titleIs("Create your account"));
            browser.findElement(By.id("oie-field-firstName")).sendKeys("Omar");
            browser.findElement(By.id("oie-field-lastName")).sendKeys("Outside");
            browser.findElement(By.id("oie-field-email")).sendKeys("omar@acme.test");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-email")));
            assertTrue(browser.findElement(By.id("oie-error-email")).getText().contains("example.com"),
                    "the error is next to the field it is about");
            assertEquals("Omar", browser.findElement(By.id("oie-field-firstName")).getAttribute("value"), "nothing typed is lost");
            assertEquals("true", browser.findElement(By.id("oie-field-email")).getAttribute("aria-invalid"));
            assertTrue(browser.findElements(By.id("oie-who")).isEmpty(), "no 'Signing in as' on the sign-up form");
            assertEquals(1, browser.findElements(By.cssSelector(".error")).size(), "one error, no generic duplicate");
            chromium.screenshot("sign-up-refused");
            chromium.submit(By.id("oie-have-account-button"), ExpectedConditions.titleIs("Sign in"));
            chromium.screenshot("back-again");

            browser.findElement(By.id("identifier")).sendKeys(ALICE);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            browser.findElement(By.id("password")).sendKeys(ALICE_PASSWORD);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            chromium.screenshot("signed-in");
        }
    }

    @Test
    void reloadingAPageAfterARefusalRepeatsNothing() throws Exception {
        try (Chromium chromium = new Chromium("reload")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            browser.findElement(By.id("identifier")).sendKeys(ALICE);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            browser.findElement(By.id("password")).sendKeys("wrong-password");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-password")));
            assertTrue(browser.findElement(By.id("oie-error-password")).getText().contains("The password is incorrect."));
            assertTrue(browser.getCurrentUrl().endsWith("/sample/oie/sign-in"), "a redirect after the POST: " + browser.getCurrentUrl());
            chromium.screenshot("wrong-password");

            Map<String, Integer> before = oktaCalls();
            for (int reload = 0; reload < 3; reload++) {
                browser.navigate().refresh();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Enter your password"));
            }
            assertEquals(before, oktaCalls(), "three reloads sent nothing to Okta");
            chromium.screenshot("reloaded");
            browser.navigate().back();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertEquals(before, oktaCalls(), "nor did the back button");

            browser.get(base.resolve("oie/sign-in").toString());
            browser.findElement(By.id("password")).sendKeys(ALICE_PASSWORD);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
        }
    }

    @Test
    void aWrongActivationCodeAndThreeReloadsAreOneWrongCode() throws Exception {
        String login = "reload.pending@example.com";
        SimulatorExtension.simulator().org().createUser(login, login, "Rita", "Reload", List.of(), null, UserStatus.PROVISIONED, false,
                Instant.now());
        try (Chromium chromium = new Chromium("reload-code")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("oie/sign-in").toString());
            browser.findElement(By.id("identifier")).sendKeys(login);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Check your email"));
            assertFalse(browser.getPageSource().contains("couldn't sign you in"), "no word about a password nobody typed");
            chromium.screenshot("activation-code");
            browser.findElement(By.id("passcode")).sendKeys("000000");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-passcode")));
            chromium.screenshot("wrong-code");
            for (int reload = 0; reload < 3; reload++) {
                browser.navigate().refresh();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Check your email"));
            }
            assertFalse(browser.getPageSource().contains("Too many wrong codes"), browser.getPageSource());
            String code = Outbox.code(login);
            browser.findElement(By.id("passcode")).sendKeys(code);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a password"));
            assertTrue(browser.findElement(By.id("oie-new-password-text")).getText().contains("Choose a password"));
            chromium.screenshot("set-up-a-password");
        }
    }

    @Test
    void theResendCountdownRunsAndTheButtonWorksWhenItEnds() throws Exception {
        var app = SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        app.requireEmailCode(true);
        try (Chromium chromium = new Chromium("countdown")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("oie/sign-in").toString());
            browser.findElement(By.id("identifier")).sendKeys(ALICE);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            browser.findElement(By.id("password")).sendKeys(ALICE_PASSWORD);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Check your email"));
            assertTrue(browser.findElement(By.id("oie-code-text")).getText().matches("We sent a code to \\S+@\\S+\\. Enter it to sign in\\."),
                    "where the code went, as Okta masks it: " + browser.findElement(By.id("oie-code-text")).getText());
            assertFalse(browser.findElement(By.id("oie-resend-button")).isEnabled(), "the script holds the button during the wait");
            int first = Integer.parseInt(browser.findElement(By.id("oie-resend-seconds")).getText());
            chromium.screenshot("countdown");
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
                    Integer.parseInt(d.findElement(By.id("oie-resend-seconds")).getText()) <= first - 2);
            new WebDriverWait(browser, Duration.ofSeconds(first + 10)).until(ExpectedConditions.elementToBeClickable(By.id("oie-resend-button")));
            assertFalse(browser.findElement(By.id("oie-resend-wait")).isDisplayed(), "the wait is over and says so by going");
            chromium.screenshot("countdown-over");
            int emails = SimulatorExtension.simulator().outbox().to(ALICE).size();
            chromium.submit(By.id("oie-resend-button"), ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.info")));
            assertTrue(browser.findElement(By.cssSelector("p.info")).getText().contains("We sent a new code."));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> SimulatorExtension.simulator().outbox().to(ALICE).size() > emails);
            chromium.screenshot("resent");
        } finally {
            app.requireEmailCode(false);
        }
    }

    @Test
    void withoutJavaScriptTheResendButtonIsUsableAndAnEarlyClickIsToldToWait() throws Exception {
        var app = SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        app.requireEmailCode(true);
        try {
            WebClient c = new WebClient(base);
            var password = c.follow(c.post("oie/identify", WebClient.fields(c.get("oie/sign-in").body(), "identifier", ALICE)));
            var code = c.follow(c.post("oie/answer", WebClient.fields(password.body(), "passcode", ALICE_PASSWORD)));
            assertTrue(code.body().contains("id=\"oie-resend-button\">"), "no disabled attribute: the page works without a script");
            var early = c.post("oie/resend", WebClient.fields(code.body()));
            assertEquals(302, early.statusCode(), "post/redirect/get");
            String told = c.follow(early).body();
            assertTrue(told.contains("It is too soon to ask for another code."), told);
            assertTrue(told.matches("(?s).*You can ask for a new code in <span id=\"oie-resend-seconds\">\\d+</span> seconds.*"), told);
            assertFalse(c.get("oie/sign-in").body().contains("It is too soon"), "a message is shown once; a reload repeats nothing");
        } finally {
            app.requireEmailCode(false);
        }
    }

    @Test
    void showPasswordAndSigningOutSaySoOnAPageOfTheirOwn() throws Exception {
        try (Chromium chromium = new Chromium("show-password")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            browser.findElement(By.id("identifier")).sendKeys(ALICE);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            browser.findElement(By.id("password")).sendKeys(ALICE_PASSWORD);
            browser.findElement(By.id("password-reveal")).click();
            assertEquals("text", browser.findElement(By.id("password")).getAttribute("type"));
            assertEquals("Hide password", browser.findElement(By.id("password-reveal")).getText());
            chromium.screenshot("password-shown");
            browser.findElement(By.id("password-reveal")).click();
            assertEquals("password", browser.findElement(By.id("password")).getAttribute("type"));
            assertTrue(browser.findElement(By.id("oie-help")).getAttribute("href").endsWith("/sample/app/help.jsp"));
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));

            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("You have signed out"));
            assertTrue(browser.getCurrentUrl().endsWith("/sample/oie/signed-out"), "no ?state= left: " + browser.getCurrentUrl());
            assertNull(URI.create(browser.getCurrentUrl()).getQuery());
            chromium.screenshot("signed-out");
            chromium.submit(By.id("oie-sign-in-again"), ExpectedConditions.titleIs("Sign in"));
        }
    }

    @Test
    void aLockedOutPersonUnlocksTheAccountWithAnEmailCodeThenSignsIn() throws Exception {
        String login = "unlock.me@example.com";
        SimulatorExtension.simulator().org().createUser(login, login, "Una", "Locked", List.of(), "Unlocked-2026!", UserStatus.LOCKED_OUT,
                true, Instant.now());
        try (Chromium chromium = new Chromium("unlock")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("oie/sign-in").toString());
            chromium.submit(By.id("oie-unlock-button"), ExpectedConditions.titleIs("Unlock your account"));
            chromium.screenshot("unlock-form");
            browser.findElement(By.id("identifier")).sendKeys(login);
            assertTrue(browser.findElement(By.id("oie-option-email")).isSelected());
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Unlock your account"));
            assertTrue(browser.findElement(By.id("oie-code-text")).getText().startsWith("If this account is locked, we sent a code"),
                    "the same words for every account: " + browser.findElement(By.id("oie-code-text")).getText());
            chromium.screenshot("unlock-code");
            browser.findElement(By.id("passcode")).sendKeys(Outbox.code(login));
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Your account is unlocked"));
            assertTrue(browser.findElement(By.id("oie-okta-message")).getText().contains("unlocked"));
            assertEquals(UserStatus.ACTIVE, SimulatorExtension.simulator().org().userByLogin(login).orElseThrow().status());
            chromium.screenshot("unlocked");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Sign in"));
            browser.findElement(By.id("identifier")).sendKeys(login);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            browser.findElement(By.id("password")).sendKeys("Unlocked-2026!");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Una Locked", browser.findElement(By.id("greeting")).getText());
            chromium.screenshot("signed-in");
        }
    }

    @Test
    void unlockingAnAccountThatIsNotLockedLooksTheSameAndSendsNothing() throws Exception {
        WebClient c = new WebClient(base);
        String form = c.submit("oie/unlock", WebClient.fields(c.get("oie/sign-in").body())).body();
        String authenticator = form.replaceAll("(?s).*name=\"authenticator\" value=\"([^\"]+)\".*", "$1");
        int emails = SimulatorExtension.simulator().outbox().to(ALICE).size();
        String alice = c.submit("oie/unlock-account", WebClient.fields(form, "identifier", ALICE, "authenticator", authenticator)).body();
        WebClient other = new WebClient(base);
        String otherForm = other.submit("oie/unlock", WebClient.fields(other.get("oie/sign-in").body())).body();
        String nobody = other.submit("oie/unlock-account", WebClient.fields(otherForm, "identifier", "nobody@example.com",
                "authenticator", authenticator)).body();
        assertEquals(SampleDeployment.normalised(alice, ALICE), SampleDeployment.normalised(nobody, "nobody@example.com"),
                "an active account and no account get the same page");
        Thread.sleep(500);
        assertEquals(emails, SimulatorExtension.simulator().outbox().to(ALICE).size(), "no email to an account that is not locked");
    }

    @Test
    void keepMeSignedInIsPassedToOkta() throws Exception {
        try (Chromium chromium = new Chromium("remember-me")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("oie/sign-in").toString());
            browser.findElement(By.id("identifier")).sendKeys(ALICE);
            browser.findElement(By.id("rememberMe")).click();
            chromium.screenshot("keep-me-signed-in");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            browser.findElement(By.id("password")).sendKeys(ALICE_PASSWORD);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
        }
        assertTrue(SimulatorExtension.simulator().interactions().all().stream().anyMatch(i -> i.user() != null
                && ALICE.equals(i.user().login()) && Boolean.TRUE.equals(i.rememberMe())), "Okta was told rememberMe=true");
    }

    @Test
    void aStrategyThatDeclinesSaysWhyInTheLogAndThePageIsTheSame() throws Exception {
        String login = "omar." + System.nanoTime() + "@acme.test";
        SimulatorExtension.simulator().org().createUser(login, login, "Omar", "Outside", List.of(), null, UserStatus.PROVISIONED, false,
                Instant.now());
        try (PayaraConsole console = PayaraConsole.tap(line -> line.contains("oie-filter: activation"))) {
            WebClient c = new WebClient(base);
            String page = c.submit("oie/identify", WebClient.fields(c.get("oie/sign-in").body(), "identifier", login)).body();
            assertTrue(page.contains("If this account is waiting to be activated"), page);
            String line = null;
            for (int i = 0; i < 100 && line == null; i++) {
                line = console.lines().stream().filter(l -> l.contains("NOT_APPLICABLE") && l.contains(login)).findFirst().orElse(null);
                Thread.sleep(100);
            }
            assertTrue(line != null && line.contains("not an @example.com account"),
                    "the operator reads what the strategy decided and why: " + console.lines());
            assertTrue(SimulatorExtension.simulator().outbox().to(login).isEmpty(), "and nothing was sent");
        }
    }

    @Test
    void iAlreadyHaveAnAccountAfterOktaRefusedTheForm() throws Exception {
        WebClient c = new WebClient(base);
        String form = c.submit("oie/sign-up", WebClient.fields(c.get("oie/sign-in").body())).body();
        assertTrue(form.contains("<title>Create your account</title>"), form);
        String refused = c.submit("oie/register", WebClient.fields(form, "firstName", "Al", "lastName", "Ready", "email", ALICE)).body();
        assertTrue(refused.contains("A user with this Email already exists"), "Okta refused it: " + refused);
        String signIn = c.submit("oie/have-account", WebClient.fields(refused)).body();
        assertTrue(signIn.contains("<title>Sign in</title>") && signIn.contains("name=\"identifier\""), signIn);
        String again = c.get("oie/sign-in").body();
        assertTrue(again.contains("<title>Sign in</title>"), "and it stays there: " + again);
        String password = c.submit("oie/identify", WebClient.fields(again, "identifier", ALICE)).body();
        assertTrue(password.contains("<title>Enter your password</title>"), password);
    }
}
