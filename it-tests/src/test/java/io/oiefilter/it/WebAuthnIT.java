package io.oiefilter.it;

import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import io.oiefilter.simulator.org.WebAuthnRelyingParty;
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
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.net.URI;
import java.net.URL;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebAuthn (passkeys) through the sample on Payara, in Chromium with Selenium's virtual authenticator (CTAP2,
 * internal, resident keys, user verification): a passkey set up, sign-out, sign-in with it; then a credential whose
 * key is not the one Okta registered, refused with a clear message and a try-again button that works once the
 * right credential is back. The simulator's rp id is the app's host, as a real org's is its own domain.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebAuthnIT {
    private static final String PASSWORD = "Passkey-Browser-2026";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
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

    private static VirtualAuthenticator authenticator(Chromium chromium) {
        return chromium.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
    }

    private static WebDriverWait waiting(Chromium chromium) {
        return new WebDriverWait(chromium.driver(), Duration.ofSeconds(20));
    }

    @Test
    void aPasskeyIsSetUpThenSignsInAndAWrongKeyIsRefusedClearly() throws Exception {
        var sim = SimulatorExtension.simulator();
        OrgApp app = sim.org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        app.signOnMode(SignOnMode.IDENTIFIER_FIRST);
        URI base = SampleDeployment.base(deployed);
        sim.org().authenticatorActive(AuthenticatorKind.WEBAUTHN, true);
        sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.OPTIONAL);
        sim.org().webAuthn(new WebAuthnRelyingParty(base.getHost(), List.of()));
        String login = "passkey.browser@example.com";
        OrgUser u = sim.org().createUser(login, login, "Pia", "Passkey", List.of(), PASSWORD, UserStatus.ACTIVE, true, Instant.now());
        try (Chromium chromium = new Chromium("webauthn")) {
            WebDriver browser = chromium.driver();
            VirtualAuthenticator device = authenticator(chromium);
            signIn(chromium, base, login, "Set up a security method");
            browser.findElement(By.id("oie-option-webauthn")).click();
            chromium.screenshot("choose");
            // The set-up page calls navigator.credentials.create by itself; the virtual authenticator consents.
            // It then lands on the app, or on the next choice of what else is optional (which may be skipped).
            // The choice page is titled alike, so wait until it has gone before reading which one came.
            chromium.submit(By.id("oie-submit"), d -> !d.findElements(By.id("greeting")).isEmpty()
                    || !d.findElements(By.id("oie-skip-button")).isEmpty());
            if (browser.findElements(By.id("greeting")).isEmpty()) {
                chromium.submit(By.id("oie-skip-button"), ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            }
            chromium.screenshot("signed-in");
            assertEquals(1, u.webAuthnCredentials().size(), "the simulator verified and kept the attestation");
            List<Credential> created = device.getCredentials();
            assertEquals(1, created.size());

            app.secondFactors(Set.of(AuthenticatorKind.WEBAUTHN));
            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("You have signed out"));
            browser.get(base.resolve("app/").toString());
            browser.findElement(By.id("identifier")).sendKeys(login);
            chromium.submit(By.id("oie-submit"), ExpectedConditions.titleIs("Enter your password"));
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            // The challenge page signs Okta's challenge by itself and posts the assertion.
            browser.findElement(By.id("oie-submit")).click();
            waiting(chromium).until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            assertEquals("Hello, Pia Passkey", browser.findElement(By.id("greeting")).getText());
            assertTrue(u.webAuthnCredentials().get(0).signCount() > 0, "the assertion's sign count is kept");
            chromium.screenshot("signed-in-with-passkey");

            // The person cancels the browser's prompt (the first request of each page is refused as a browser refuses a
            // cancelled one): the page says so, nothing is posted, and "Try again" asks the browser again.
            Object cancelling = chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "(function () { var get = navigator.credentials.get.bind(navigator.credentials), first = true;"
                    + " navigator.credentials.get = function (o) { if (first) { first = false; return Promise.reject("
                    + "new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError')); }"
                    + " return get(o); }; })();"));
            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("You have signed out"));
            signIn(chromium, base, login, "Verify with your security key or biometric");
            waiting(chromium).until(ExpectedConditions.visibilityOfElementLocated(By.id("oie-webauthn-start")));
            assertTrue(browser.findElement(By.id("oie-webauthn-status")).getText().contains("cancelled"),
                    "the page says the prompt was cancelled: " + browser.findElement(By.id("oie-webauthn-status")).getText());
            assertEquals("Verify with your security key or biometric", browser.getTitle(), "nothing was posted");
            chromium.screenshot("cancelled");
            browser.findElement(By.id("oie-webauthn-start")).click();
            waiting(chromium).until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            chromium.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", ((Map<?, ?>) cancelling).get("identifier")));

            // The same credential id with another key: the assertion's signature cannot verify.
            chromium.submit(By.cssSelector("#sign-out button"), ExpectedConditions.titleIs("You have signed out"));
            // Kept as it is now: its sign count has moved on (an older count would look like a cloned key, and be refused).
            Credential current = device.getCredentials().get(0);
            device.removeAllCredentials();
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            device.addCredential(Credential.createNonResidentCredential(created.get(0).getId(), base.getHost(),
                    new PKCS8EncodedKeySpec(g.generateKeyPair().getPrivate().getEncoded()), 0));
            signIn(chromium, base, login, "Verify with your security key or biometric");
            waiting(chromium).until(ExpectedConditions.visibilityOfElementLocated(By.id("oie-webauthn-start")));
            assertTrue(browser.getPageSource().contains("could not be verified"), "the filter's words for Okta's refusal");
            assertEquals("Try again", browser.findElement(By.id("oie-webauthn-start")).getText());
            chromium.screenshot("wrong-key-refused");

            device.removeAllCredentials();
            device.addCredential(current);
            browser.findElement(By.id("oie-webauthn-start")).click();
            waiting(chromium).until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
            chromium.screenshot("signed-in-after-try-again");
        } finally {
            app.secondFactors(Set.of());
            sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.NOT_ALLOWED);
            sim.org().authenticatorActive(AuthenticatorKind.WEBAUTHN, false);
            sim.org().webAuthn(WebAuthnRelyingParty.defaults());
        }
    }

    /**
     * Over HTTP, as the page's script posts: the options reach the page as a data attribute (no script but the
     * nonce'd one), an oversized attestation gets the bad-input page, and a software authenticator's attestation
     * (for the app's origin) sets WebAuthn up.
     */
    @Test
    void thePageCarriesOktasOptionsAndTheFormIsBounded() throws Exception {
        var sim = SimulatorExtension.simulator();
        OrgApp app = sim.org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        app.signOnMode(SignOnMode.IDENTIFIER_FIRST);
        URI base = SampleDeployment.base(deployed);
        sim.org().authenticatorActive(AuthenticatorKind.WEBAUTHN, true);
        sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.OPTIONAL);
        sim.org().webAuthn(new WebAuthnRelyingParty(base.getHost(), List.of()));
        String login = "passkey.http@example.com";
        OrgUser u = sim.org().createUser(login, login, "Hal", "Http", List.of(), PASSWORD, UserStatus.ACTIVE, true, Instant.now());
        try {
            WebClient c = new WebClient(base);
            HttpResponse<String> signIn = c.follow(c.get("app/"));
            HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", login)));
            HttpResponse<String> select = c.follow(c.post("oie/answer", fields(password.body(), "passcode", PASSWORD)));
            Matcher id = Pattern.compile("value=\"([^\"]+)\" id=\"oie-option-webauthn\"").matcher(select.body());
            assertTrue(id.find(), select.body());
            HttpResponse<String> page = c.follow(c.post("oie/select", fields(select.body(), "authenticator", id.group(1))));
            assertTrue(page.body().contains("<title>Set up a security key or biometric</title>"), page.body());
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self' 'nonce-"), csp);
            Matcher options = Pattern.compile("data-options=\"([^\"]+)\"").matcher(page.body());
            assertTrue(options.find(), page.body());
            String json = options.group(1).replace("&#034;", "\"").replace("&quot;", "\"");
            Matcher challenge = Pattern.compile("\"challenge\":\"([A-Za-z0-9_-]+)\"").matcher(json);
            assertTrue(challenge.find(), json);
            assertFalse(Pattern.compile("<script(?![^>]*nonce=)").matcher(page.body()).find(), "every script carries the nonce");

            HttpResponse<String> tooLarge = c.post("oie/webauthn", fields(page.body(), "clientData", "e30", "attestation", "A".repeat(17_000)));
            assertEquals(400, tooLarge.statusCode(), "a field over its bound: the bad-input page");

            String origin = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
            var device = new io.oiefilter.simulator.org.WebAuthnDevice(origin, base.getHost());
            var a = device.create(challenge.group(1), true);
            HttpResponse<String> again = c.follow(c.get("oie/sign-in"));
            HttpResponse<String> next = c.follow(c.post("oie/webauthn", fields(again.body(), "clientData", a.clientData(), "attestation", a.attestation())));
            if (next.body().contains("<title>Set up a security method</title>")) {
                next = c.follow(c.post("oie/skip", fields(next.body())));
            }
            assertTrue(next.body().contains("Hello, Hal Http"), next.body());
            assertEquals(device.credentialId(), u.webAuthnCredentials().get(0).credentialId());
        } finally {
            sim.org().enrollmentPolicy(AuthenticatorKind.WEBAUTHN, Requirement.NOT_ALLOWED);
            sim.org().authenticatorActive(AuthenticatorKind.WEBAUTHN, false);
            sim.org().webAuthn(WebAuthnRelyingParty.defaults());
        }
    }
}
