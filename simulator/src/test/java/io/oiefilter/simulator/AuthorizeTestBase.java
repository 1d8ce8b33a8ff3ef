package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A fresh browser per test, the demo app's authorize parameters, and the steps every code-flow test takes. */
abstract class AuthorizeTestBase extends SimulatorTestBase {
    static final String ALICE = "alice@example.com";
    static final String ALICE_PASSWORD = "Wonderland-2026!";

    HostedBrowser browser;

    @BeforeEach
    void newBrowser() {
        browser = new HostedBrowser(sim);
    }

    /** The confidential demo app's request: code, PKCE S256, state and nonce; change or remove (null) entries. */
    static Map<String, String> params(String... overrides) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("client_id", SimulatorClient.CLIENT_ID);
        p.put("response_type", "code");
        p.put("scope", "openid profile email");
        p.put("redirect_uri", SimulatorClient.REDIRECT);
        p.put("state", "state-123");
        p.put("nonce", "nonce-456");
        p.put("code_challenge", SimulatorClient.challenge(SimulatorClient.VERIFIER));
        p.put("code_challenge_method", "S256");
        for (int i = 0; i < overrides.length; i += 2) {
            p.put(overrides[i], overrides[i + 1]);
        }
        return p;
    }

    /** Identifier, then password, on the hosted page; answers what follows the password. */
    HostedBrowser.Page signIn(HostedBrowser.Page page, String login, String password) throws Exception {
        HostedBrowser.Page next = browser.submit(page, "identify", Map.of("identifier", login));
        return browser.submit(next, "challenge-authenticator", Map.of("credentials.passcode", password));
    }

    /** Alice signs in on the page /v1/authorize shows; answers the redirect to the client. */
    HostedBrowser.Page aliceSignsIn(Map<String, String> params) throws Exception {
        HostedBrowser.Page done = signIn(browser.authorize(params), ALICE, ALICE_PASSWORD);
        assertNotNull(done.location(), "a redirect to the client, not: " + done.body());
        return done;
    }

    /** The code exchanged at /v1/token by the confidential demo app. */
    SimulatorClient.Answer exchange(String code, String redirectUri, String verifier) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "client_id", SimulatorClient.CLIENT_ID, "client_secret", SimulatorClient.SECRET));
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return client.form(sim.issuer() + "/v1/token", form);
    }

    static JWTClaimsSet claims(JsonNode tokens, String name) throws Exception {
        return com.nimbusds.jwt.SignedJWT.parse(tokens.get(name).asText()).getJWTClaimsSet();
    }

    static void assertOAuthError(SimulatorClient.Answer a, int status, String error, String description) {
        assertEquals(status, a.status(), a.toString());
        assertEquals(error, a.body().path("error").asText(), a.toString());
        assertEquals(description, a.body().path("error_description").asText(), a.toString());
    }
}
