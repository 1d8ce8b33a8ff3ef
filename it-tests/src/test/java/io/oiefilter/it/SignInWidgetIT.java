package io.oiefilter.it;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
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
}
