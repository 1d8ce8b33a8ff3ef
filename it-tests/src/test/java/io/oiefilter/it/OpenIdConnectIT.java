package io.oiefilter.it;

import io.oiefilter.it.oidc.OpenIdSettings;
import io.oiefilter.it.oidc.SecuredServlet;
import io.oiefilter.it.servers.PayaraMicro;
import io.oiefilter.it.servers.ServerProcess;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.SignOnMode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A redirect-based client against the simulator: a WAR protected by Jakarta Security's
 * {@code @OpenIdAuthenticationMechanismDefinition} (Payara 6's implementation, no Okta library) on Payara Micro 6.
 * Chromium asks for its page, is sent to /v1/authorize, signs in on the simulator's hosted page, comes back with
 * the code, and the app (having exchanged it with its secret) shows the principal and a claim of the ID token.
 */
@ExtendWith(SimulatorExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class OpenIdConnectIT {
    private static final String CLIENT_ID = "0oa-jakarta-oidc-app";
    private static final String SECRET = "jakarta-oidc-secret-not-for-production";
    private static final String SERVER = "payara-micro-6-openid";

    private static PayaraMicro server;
    private static URI app;

    @BeforeAll
    static void start() throws Exception {
        Simulator sim = SimulatorExtension.simulator();
        int port = ServerProcess.freePort();
        app = URI.create("http://localhost:" + port + "/oidc-app/");
        if (sim.org().app(CLIENT_ID).isEmpty()) {
            sim.org().addApp(new OrgApp(CLIENT_ID, SECRET, "Jakarta Security OpenID app", List.of(app + "Callback"),
                    List.of(app.toString()), List.of("authorization_code"), SignOnMode.IDENTIFIER_FIRST, false));
        }
        WebArchive war = ShrinkWrap.create(WebArchive.class, "oidc-app.war").addClasses(OpenIdSettings.class, SecuredServlet.class)
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
                        + "bean-discovery-mode=\"all\"/>"), "beans.xml")
                .addAsWebResource(new StringAsset("<!DOCTYPE html><title>oidc-app</title><a href=\"secure\">secure</a>"), "index.html");
        Path dir = Files.createDirectories(ServerProcess.logDirectory().resolve("openid"));
        Path file = dir.resolve("oidc-app.war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        server = new PayaraMicro(SERVER, Path.of(System.getProperty("it.payaraJar")), port);
        server.start(List.of(file), Map.of("it.oidc.issuer", sim.issuer(), "it.oidc.clientId", CLIENT_ID, "it.oidc.clientSecret", SECRET));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signsInOnTheHostedPageAndTheAppShowsThePrincipalAndAClaim() throws Exception {
        Simulator sim = SimulatorExtension.simulator();
        long tokensBefore = sim.requestLog().countOf("token");
        try (Chromium chromium = new Chromium("openid-connect")) {
            var driver = chromium.driver();
            driver.get(app + "secure");
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.name("identifier")));
            assertTrue(driver.getCurrentUrl().startsWith(sim.baseUri() + "/signin/hosted?tx="), driver.getCurrentUrl());
            chromium.screenshot("hosted-identify");
            driver.findElement(By.name("identifier")).sendKeys(ALICE);
            chromium.submit(By.cssSelector("form[data-se=identify] button"),
                    ExpectedConditions.presenceOfElementLocated(By.name("credentials.passcode")));
            driver.findElement(By.name("credentials.passcode")).sendKeys(ALICE_PASSWORD);
            chromium.screenshot("hosted-password");
            chromium.submit(By.cssSelector("form[data-se=challenge-authenticator] button"),
                    ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(app + "secure")));
            // Soteria sends the browser back to the page it asked for, with the code, and exchanges it there.
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
            String page = driver.findElement(By.tagName("body")).getText();
            chromium.screenshot("app-signed-in");
            assertTrue(page.contains("principal=" + ALICE), page);
            assertTrue(page.contains("name=Alice Liddell"), page);
            assertTrue(page.contains("subject=" + sim.org().userByLogin(ALICE).orElseThrow().id()), page);
            assertEquals(tokensBefore + 1, sim.requestLog().countOf("token"), "the app exchanged the code once");
        }
    }
}
