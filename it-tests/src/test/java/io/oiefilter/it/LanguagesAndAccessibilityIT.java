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

import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages in the person's language (Chromium's Accept-Language), with the app's brand, and accessible:
 * axe-core finds no serious or critical violation on any page the sample shows.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LanguagesAndAccessibilityIT {
    private static final AtomicInteger USERS = new AtomicInteger();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // A light primary colour: the buttons' text must turn dark to stay readable.
        return SampleDeployment.war("oie.brand.name=Acme Portal,oie.brand.primaryColor=#ffd700,"
                + "oie.activation.maxStartsPerAddress=100", null, null);
    }

    @ArquillianResource
    URL deployed;

    @BeforeEach
    void identifierFirst() {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    private static String provisionedUser() {
        String login = "it.lang." + USERS.incrementAndGet() + "@example.com";
        SimulatorExtension.simulator().org().createUser(login, login, "Lena", "Lang" + USERS.get(), List.of(), null,
                UserStatus.PROVISIONED, false, Instant.now());
        return login;
    }

    @Test
    void signInAndActivationInGerman() throws Exception {
        signInAndActivation("de-DE,de;q=0.9,en;q=0.5", "de", "Anmelden", "Weiter", "E-Mail prüfen",
                "Wartet dieses Konto auf seine Aktivierung");
    }

    @Test
    void signInAndActivationInFrench() throws Exception {
        signInAndActivation("fr-CA,fr;q=0.9", "fr", "Se connecter", "Suivant", "Consultez vos e-mails",
                "Si ce compte attend d’être activé");
    }

    /** Asserted on the page's text; its screenshots show the glyphs where a Japanese font is installed (run-tests.sh does). */
    @Test
    void signInAndActivationInJapanese() throws Exception {
        signInAndActivation("ja,en-US;q=0.8", "ja", "サインイン", "次へ", "メールを確認してください",
                "このアカウントが有効化を待っている場合");
    }

    private void signInAndActivation(String acceptLanguage, String lang, String signIn, String next, String checkEmail,
                                     String activationText) throws Exception {
        URI base = SampleDeployment.base(deployed);
        String login = provisionedUser();
        try (Chromium chromium = new Chromium("language-" + lang, acceptLanguage)) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            assertEquals(signIn, browser.getTitle());
            assertEquals(lang, browser.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("ltr", browser.findElement(By.tagName("html")).getAttribute("dir"));
            assertEquals(next, browser.findElement(By.id("oie-submit")).getText());
            assertEquals("Acme Portal", browser.findElement(By.id("oie-brand-name")).getText());
            chromium.screenshot("sign-in");
            Axe.assertAccessible(browser, "sign-in in " + lang);

            browser.findElement(By.id("identifier")).sendKeys(login);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-activation-text")));
            assertEquals(checkEmail, browser.getTitle());
            assertEquals(lang, browser.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(browser.findElement(By.id("oie-activation-text")).getText().startsWith(activationText),
                    browser.findElement(By.id("oie-activation-text")).getText());
            chromium.screenshot("activation-code");
            Axe.assertAccessible(browser, "activation code in " + lang);
        }
    }

    /**
     * Okta's refusal of a sign-up value is shown in the page's language (by Okta's i18n key), and every call the
     * filter makes for the person asks Okta for that language too (for the words of Okta's the filter does not know).
     */
    @Test
    void oktasRefusalIsInThePagesLanguageAndOktaIsAskedInIt() throws Exception {
        URI base = SampleDeployment.base(deployed);
        SimulatorExtension.simulator().requestLog().reset();
        try (Chromium chromium = new Chromium("language-de-okta", "de-DE,de;q=0.9,en;q=0.5")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            chromium.submit(By.cssSelector("#oie-sign-up button"), ExpectedConditions.presenceOfElementLocated(By.id("oie-field-email")));
            browser.findElement(By.id("oie-field-firstName")).sendKeys("Alice");
            browser.findElement(By.id("oie-field-lastName")).sendKeys("Again");
            browser.findElement(By.id("oie-field-email")).sendKeys(ALICE); // Okta: "A user with this Email already exists"
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-email")));
            assertEquals("Es gibt bereits einen Benutzer mit diesem Wert.", browser.findElement(By.id("oie-error-email")).getText());
            assertEquals("de", browser.findElement(By.tagName("html")).getAttribute("lang"));
            chromium.screenshot("sign-up-refused");

            // A refusal with Okta's param: the German sentence, then Okta's list of the org's rules (the simulator's
            // in English; a real org words it in German too, being asked in German).
            browser.findElement(By.id("oie-field-email")).clear();
            browser.findElement(By.id("oie-field-email")).sendKeys("it.lang.okta." + USERS.incrementAndGet() + "@example.com");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-option-password")));
            browser.findElement(By.id("oie-option-password")).click();
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("confirmPassword")));
            browser.findElement(By.id("password")).sendKeys("kurz");
            browser.findElement(By.id("confirmPassword")).sendKeys("kurz");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-password")));
            String why = browser.findElement(By.id("oie-error-password")).getText();
            assertTrue(why.startsWith("Die Passwortanforderungen wurden nicht erfüllt. Password requirements: at least 8 characters"), why);
            chromium.screenshot("new-password-refused");
        }
        java.util.Map<String, java.util.Map<String, Integer>> asked = SimulatorExtension.simulator().requestLog().languageSnapshot();
        for (String endpoint : List.of("interact", "introspect", "enroll")) { // (the readiness check may call interact too)
            assertTrue(asked.get(endpoint).containsKey("de"), endpoint + " in " + asked);
        }
        assertEquals(java.util.Map.of("de", 2), asked.get("enroll/new"), "the sign-up form, twice, in German only: " + asked);
        assertEquals(java.util.Set.of("de"), asked.get("challenge/answer").keySet(), "the new password, in German only: " + asked);
    }

    @Test
    void aLanguageNotShippedIsEnglish() throws Exception {
        try (Chromium chromium = new Chromium("language-pt", "pt-BR,pt;q=0.9")) {
            WebDriver browser = chromium.driver();
            browser.get(SampleDeployment.base(deployed).resolve("app/").toString());
            assertEquals("Sign in", browser.getTitle());
            assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        }
    }

    /** Sign-in, password (and its error), email code, sign-up (and its error), select, new password, activation, error, signed out. */
    @Test
    void everyPageHasNoSeriousAccessibilityViolation() throws Exception {
        URI base = SampleDeployment.base(deployed);
        var app = SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        app.requireEmailCode(true);
        try (Chromium chromium = new Chromium("accessibility", "en")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            Axe.assertAccessible(browser, "sign-in");
            // The browser's own check ("required") would stop an empty form: the server's error is what is checked here.
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('oie-identify').noValidate = true");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-identifier")));
            assertEquals("oie-error-identifier", browser.findElement(By.id("identifier")).getAttribute("aria-describedby"));
            Axe.assertAccessible(browser, "sign-in with an error");

            browser.findElement(By.id("identifier")).sendKeys(ALICE);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            Axe.assertAccessible(browser, "password");
            browser.findElement(By.id("password")).sendKeys("wrong-password");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-password")));
            assertEquals("oie-error-password", browser.findElement(By.id("password")).getAttribute("aria-describedby"));
            Axe.assertAccessible(browser, "password with an error");
            browser.findElement(By.id("password")).sendKeys(ALICE_PASSWORD);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Check your email"));
            Axe.assertAccessible(browser, "email code");
            chromium.screenshot("code");
            browser.findElement(By.id("passcode")).sendKeys("000000");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-passcode")));
            Axe.assertAccessible(browser, "email code with an error");
            browser.findElement(By.id("passcode")).sendKeys(Outbox.code(ALICE));
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("You have signed out"));
            Axe.assertAccessible(browser, "signed out");
            chromium.screenshot("signed-out");
        } finally {
            app.requireEmailCode(false);
        }
        try (Chromium chromium = new Chromium("accessibility-sign-up", "en")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            chromium.submit(By.cssSelector("#oie-sign-up button"), ExpectedConditions.titleIs("Create your account"));
            Axe.assertAccessible(browser, "sign-up");
            browser.findElement(By.id("oie-field-firstName")).sendKeys("Axel");
            browser.findElement(By.id("oie-field-lastName")).sendKeys("Able");
            browser.findElement(By.id("oie-field-email")).sendKeys("it.axel@elsewhere.org");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-email")));
            assertEquals("oie-error-email", browser.findElement(By.id("oie-field-email")).getAttribute("aria-describedby"));
            Axe.assertAccessible(browser, "sign-up with an error");
            browser.findElement(By.id("oie-field-email")).clear();
            browser.findElement(By.id("oie-field-email")).sendKeys("it.axel." + USERS.incrementAndGet() + "@example.com");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a security method"));
            Axe.assertAccessible(browser, "select");
            chromium.screenshot("select");
            browser.findElement(By.id("oie-option-password")).click();
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Set up a password"));
            Axe.assertAccessible(browser, "new password");
            browser.findElement(By.id("password")).sendKeys("Axel-Able-2026");
            browser.findElement(By.id("confirmPassword")).sendKeys("Axel-Other-2026");
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-error-confirmPassword")));
            Axe.assertAccessible(browser, "new password with an error");
            chromium.screenshot("new-password-error");

            browser.get(base.resolve("oie/no-such-page").toString());
            assertEquals("Your sign-in could not go on", browser.getTitle());
            Axe.assertAccessible(browser, "error");
        }
        try (Chromium chromium = new Chromium("accessibility-activation", "en")) {
            WebDriver browser = chromium.driver();
            browser.get(base.resolve("app/").toString());
            browser.findElement(By.id("identifier")).sendKeys(provisionedUser());
            chromium.submit(By.id("oie-submit"), ExpectedConditions.presenceOfElementLocated(By.id("oie-activation-text")));
            Axe.assertAccessible(browser, "activation code");

            // The check itself sees what it should: an input without a label, white on yellow text.
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.querySelector('main').insertAdjacentHTML("
                    + "'beforeend', '<input id=\"unlabelled\"><p style=\"color:#fff;background:#ffd700\">unreadable</p>')");
            List<String> found = Axe.seriousViolations(browser);
            assertTrue(found.stream().anyMatch(v -> v.startsWith("label: #unlabelled")), found.toString());
            assertTrue(found.stream().anyMatch(v -> v.startsWith("color-contrast: ")), found.toString());
        }
    }
}
