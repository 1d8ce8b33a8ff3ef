package io.oiefilter.it;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.TrustedOrigin;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Okta's Sign-In Widget 7 from npm, embedded in a page on an origin of its own, in Chromium, against the simulator
 * unchanged: it reaches the org across origins (CORS for the org's trusted origins), and a person signs in, answers
 * an email code, is refused as a PROVISIONED user exactly as an unknown one, signs up, recovers a password and signs
 * out, seeing the widget's own pages.
 */
class SignInWidgetIT {
    static final String PASSWORD = "Widget-Pass-2026!";
    static final String SPA = "0oa-widget-spa";
    static final String SPA_EMAIL_CODE = "0oa-widget-spa-email-code";
    private static Simulator sim;
    private static SecondOrigin app;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(Org.defaultSeed(), 0);
        app = new SecondOrigin(NodeJourney.CLIENTS, "window.OIE_WIDGET_CONFIG = {issuer: '" + sim.issuer() + "', clientId: '" + SPA + "'};");
        // As an admin adds the app's origin under Security > API > Trusted Origins.
        sim.org().addTrustedOrigin("Widget app", app.origin(), EnumSet.allOf(TrustedOrigin.Scope.class));
        List<String> grants = List.of("interaction_code", "refresh_token", "authorization_code");
        OrgApp spa = new OrgApp(SPA, null, "Widget SPA", List.of(app.origin() + "/callback"),
                List.of(app.origin() + "/widget.html?signed-out"), grants, SignOnMode.IDENTIFIER_FIRST, false);
        spa.selfServiceRegistration(true);
        sim.org().addApp(spa);
        sim.org().addApp(new OrgApp(SPA_EMAIL_CODE, null, "Widget SPA, email code", List.of(app.origin() + "/callback"),
                List.of(), grants, SignOnMode.IDENTIFIER_FIRST, true));
    }

    @AfterAll
    static void stop() {
        app.close();
        sim.stop();
    }

    private static OrgUser activeUser(String login) {
        return sim.org().createUser(login, login, "Wyn", "Widget", List.of(), PASSWORD, UserStatus.ACTIVE, true, Instant.now());
    }

    private static WebDriverWait waiting(Chromium chromium) {
        return new WebDriverWait(chromium.driver(), Duration.ofSeconds(20));
    }

    /** Types into the widget's field named {@code name} once it is shown. */
    private static void type(Chromium chromium, String name, String text) {
        WebElement field = waiting(chromium).until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
        field.clear();
        field.sendKeys(text);
    }

    /** The widget's primary button (Next, Verify, Sign up, ...). */
    private static void next(Chromium chromium) {
        waiting(chromium).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[type=submit], button[type=submit]"))).click();
    }

    /** Clicks a link or button of the widget by what it says ("Sign up", "Forgot password?", "Set up later", ...). */
    private static void click(Chromium chromium, String says) {
        waiting(chromium).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[self::a or self::button or (self::input and @type='submit')][normalize-space(.)='" + says
                        + "' or @value='" + says + "']"))).click();
    }

    /** Chooses an authenticator on the widget's list (its row for that key), with the row's own button. */
    private static void choose(Chromium chromium, String key) {
        waiting(chromium).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-se='" + key + "'] .select-factor, [data-se='" + key + "'] [data-se='button']"))).click();
    }

    /**
     * The email page's "Enter a verification code instead", until the code field shows. In one CI run in many the
     * field never showed after the click (the link was found clickable, the click left no trace), so, as a person
     * would, it clicks again while the link is still there; each miss is written next to the screenshots, with the
     * page, for the day it can be explained.
     */
    private static void enterACodeInstead(Chromium chromium) throws java.io.IOException {
        By field = By.name("credentials.passcode");
        for (int attempt = 1; ; attempt++) {
            click(chromium, "Enter a verification code instead");
            try {
                new WebDriverWait(chromium.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(field));
                return;
            } catch (org.openqa.selenium.TimeoutException missed) {
                java.nio.file.Path page = chromium.screenshot("code-field-missing-" + attempt);
                java.nio.file.Files.writeString(java.nio.file.Path.of(page.toString().replace(".png", ".html")),
                        chromium.driver().getPageSource() + "\n<!-- simulator requests: " + sim.requestLog().snapshot() + " -->\n");
                if (attempt == 3 || chromium.driver().findElements(By.cssSelector(".enter-auth-code-instead-link")).isEmpty()) {
                    throw missed;
                }
            }
        }
    }

    /** What the widget shows in its error box. */
    private static String error(Chromium chromium) {
        return waiting(chromium).until(d -> {
            String text = d.findElements(By.cssSelector(".o-form-error-container")).stream().map(WebElement::getText)
                    .filter(t -> !t.isBlank()).findFirst().orElse(null);
            return text;
        });
    }

    /** The widget's first two pages: the username, then the password. */
    private static void identifyWithPassword(Chromium chromium, String login) {
        type(chromium, "identifier", login);
        next(chromium);
        type(chromium, "credentials.passcode", PASSWORD);
        next(chromium);
    }

    /** The code in the newest email to an address, as the person reads it. */
    private static String mailedCode(String address) {
        return sim.outbox().latest(address).orElseThrow(() -> new AssertionError("nothing mailed to " + address)).code();
    }

    private static String result(Chromium chromium) {
        return waiting(chromium).until(d -> {
            String text = d.findElement(By.id("result")).getText();
            return text.isEmpty() ? null : text;
        });
    }

    private static void open(Chromium chromium, String client) {
        chromium.driver().get(app.origin() + "/widget.html" + (client == null ? "" : "?client=" + client));
    }

    @Test
    void signsInWithAPassword() throws Exception {
        OrgUser u = activeUser("widget.password@example.com");
        try (Chromium chromium = new Chromium("widget-sign-in")) {
            open(chromium, null);
            type(chromium, "identifier", u.login());
            chromium.screenshot("identify");
            next(chromium);
            type(chromium, "credentials.passcode", PASSWORD);
            chromium.screenshot("password");
            next(chromium);
            assertEquals("Hello, Wyn Widget", result(chromium));
        }
    }

    @Test
    void answersAnEmailCodeAfterThePassword() throws Exception {
        OrgUser u = activeUser("widget.email@example.com");
        try (Chromium chromium = new Chromium("widget-email-code")) {
            open(chromium, SPA_EMAIL_CODE);
            identifyWithPassword(chromium, u.login());
            chromium.screenshot("choose-email");
            choose(chromium, "okta_email");
            enterACodeInstead(chromium);
            type(chromium, "credentials.passcode", mailedCode(u.email()));
            chromium.screenshot("email-code");
            next(chromium);
            assertEquals("Hello, Wyn Widget", result(chromium));
            assertEquals("pwd mfa email", chromium.driver().findElement(By.id("result")).getAttribute("data-amr"));
        }
    }

    @Test
    void aProvisionedUserIsToldOnlyWhatAnUnknownUserIsTold() throws Exception {
        OrgUser pat = sim.org().createUser("widget.provisioned@example.com", "widget.provisioned@example.com", "Pat", "Pending",
                List.of(), null, UserStatus.PROVISIONED, false, Instant.now());
        String provisioned;
        String unknown;
        try (Chromium chromium = new Chromium("widget-provisioned")) {
            open(chromium, null);
            type(chromium, "identifier", pat.login());
            next(chromium);
            provisioned = error(chromium);
            chromium.screenshot("unable-to-sign-in");
        }
        try (Chromium chromium = new Chromium("widget-unknown")) {
            open(chromium, null);
            type(chromium, "identifier", "widget.nobody@example.com");
            next(chromium);
            unknown = error(chromium);
        }
        assertEquals("Unable to sign in", provisioned, "the widget's words for Okta's errors.E0000004");
        assertEquals(unknown, provisioned);
        assertTrue(sim.outbox().to(pat.email()).isEmpty(), "nothing is sent");
        assertEquals(UserStatus.PROVISIONED, pat.status());
    }

    @Test
    void signsUpWithAPasswordAndSkipsWhatIsOptional() throws Exception {
        try (Chromium chromium = new Chromium("widget-sign-up")) {
            open(chromium, null);
            click(chromium, "Sign up");
            type(chromium, "userProfile.firstName", "Nia");
            type(chromium, "userProfile.lastName", "Newcomer");
            type(chromium, "userProfile.email", "widget.signup@example.com");
            chromium.screenshot("profile");
            next(chromium);
            choose(chromium, "okta_password");
            type(chromium, "credentials.passcode", "Fresh-Start-2026!");
            type(chromium, "confirmPassword", "Fresh-Start-2026!");
            chromium.screenshot("password");
            next(chromium);
            waiting(chromium).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-se='okta_email']")));
            chromium.screenshot("optional");
            click(chromium, "Continue"); // the widget's words for skipping what is optional
            assertEquals("Hello, Nia Newcomer", result(chromium));
        }
        assertEquals(UserStatus.ACTIVE, sim.org().userByLogin("widget.signup@example.com").orElseThrow().status());
    }

    @Test
    void recoversAForgottenPasswordWithAnEmailCode() throws Exception {
        OrgUser u = activeUser("widget.recovery@example.com");
        try (Chromium chromium = new Chromium("widget-recovery")) {
            open(chromium, null);
            type(chromium, "identifier", u.login());
            next(chromium);
            click(chromium, "Forgot password?");
            choose(chromium, "okta_email");
            enterACodeInstead(chromium);
            type(chromium, "credentials.passcode", mailedCode(u.email()));
            next(chromium);
            type(chromium, "credentials.passcode", "Remembered-2026!");
            type(chromium, "confirmPassword", "Remembered-2026!");
            chromium.screenshot("new-password");
            next(chromium);
            assertEquals("Hello, Wyn Widget", result(chromium));
        }
        assertTrue(u.passwordMatches("Remembered-2026!"));
    }

    @Test
    void signsOutRevokingTheTokensAndEndingTheOktaSession() throws Exception {
        OrgUser u = activeUser("widget.signout@example.com");
        try (Chromium chromium = new Chromium("widget-sign-out")) {
            open(chromium, null);
            identifyWithPassword(chromium, u.login());
            assertEquals("Hello, Wyn Widget", result(chromium));
            String accessToken = chromium.driver().findElement(By.id("result")).getAttribute("data-access-token");
            chromium.driver().findElement(By.id("sign-out")).click();
            waiting(chromium).until(ExpectedConditions.urlContains("signed-out"));
            assertEquals("Signed out", result(chromium));
            assertTrue(chromium.driver().getCurrentUrl().startsWith(app.origin() + "/widget.html?signed-out"));
            assertTrue(sim.grants().revoked(accessToken), "auth-js revoked the access token before the redirect");
        }
    }
}
