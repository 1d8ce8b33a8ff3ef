package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hosted page from /v1/authorize to the client's redirect, the Okta session it opens, and the code at /v1/token. */
class HostedSignInTest extends AuthorizeTestBase {

    @AfterEach
    void resetClockAndLimits() {
        sim.clock().reset();
        sim.rateLimits().clear();
    }

    @Test
    void aliceSignsInAndTheCodeBuysTokensCarryingTheNonce() throws Exception {
        HostedBrowser.Page page = browser.authorize(params());
        assertEquals(200, page.status());
        assertTrue(page.uri().toString().startsWith(sim.baseUri() + "/signin/hosted?tx="), page.uri().toString());
        assertEquals(List.of("identify", "select-enroll-profile", "unlock-account"), page.forms());
        HostedBrowser.Page password = browser.submit(page, "identify", Map.of("identifier", ALICE));
        assertTrue(password.forms().contains("challenge-authenticator"), password.body());
        assertTrue(password.forms().contains("recover"));
        HostedBrowser.Page done = browser.submit(password, "challenge-authenticator", Map.of("credentials.passcode", ALICE_PASSWORD));

        assertEquals(302, done.status());
        assertTrue(done.location().startsWith(SimulatorClient.REDIRECT + "?code="), done.location());
        Map<String, String> cb = done.callback();
        assertEquals("state-123", cb.get("state"));
        assertNotNull(browser.cookie("sid"));

        SimulatorClient.Answer tokens = exchange(cb.get("code"), SimulatorClient.REDIRECT, SimulatorClient.VERIFIER);
        assertEquals(200, tokens.status(), tokens.toString());
        assertEquals("Bearer", tokens.body().get("token_type").asText());
        assertEquals("openid profile email", tokens.body().get("scope").asText());
        JWTClaimsSet id = claims(tokens.body(), "id_token");
        assertEquals("nonce-456", id.getStringClaim("nonce"));
        assertEquals(sim.org().userByLogin(ALICE).orElseThrow().id(), id.getSubject());
        assertEquals(SimulatorClient.CLIENT_ID, id.getAudience().get(0));
        assertEquals(ALICE, id.getStringClaim("email"));
        SimulatorClient.Answer info = userinfo(tokens.body().get("access_token").asText());
        assertEquals(ALICE, info.body().get("preferred_username").asText());
    }

    @Test
    void aCodeWorksOnceOnlyForItsClientAndRedirectUriAndOnlyWithItsVerifier() throws Exception {
        String code = aliceSignsIn(params()).callback().get("code");
        assertEquals(200, exchange(code, SimulatorClient.REDIRECT, SimulatorClient.VERIFIER).status());
        assertOAuthError(exchange(code, SimulatorClient.REDIRECT, SimulatorClient.VERIFIER), 400, "invalid_grant",
                "The authorization code is invalid or has expired.");

        String second = codeFromSession(params());
        assertOAuthError(exchange(second, SimulatorClient.REDIRECT, "another-verifier-0123456789-0123456789-0123456789"),
                400, "invalid_grant", "PKCE verification failed.");
        assertOAuthError(exchange(second, SimulatorClient.REDIRECT, SimulatorClient.VERIFIER), 400, "invalid_grant",
                "The authorization code is invalid or has expired."); // a failed attempt used it up

        String third = codeFromSession(params());
        assertOAuthError(exchange(third, "http://127.0.0.1:8080/sample/authorization-code/callback", SimulatorClient.VERIFIER),
                400, "invalid_grant", "The 'redirect_uri' does not match the redirection URI used in the authorization request.");

        String fourth = codeFromSession(params());
        assertOAuthError(exchange(fourth, SimulatorClient.REDIRECT, null), 400, "invalid_grant", "PKCE verification failed.");

        String fifth = codeFromSession(params());
        SimulatorClient.Answer otherClient = client.form(sim.issuer() + "/v1/token", Map.of("grant_type", "authorization_code",
                "code", fifth, "redirect_uri", SimulatorClient.REDIRECT, "client_id", "0oa-demo-public-app",
                "code_verifier", SimulatorClient.VERIFIER));
        assertOAuthError(otherClient, 400, "invalid_grant", "The authorization code is invalid or has expired.");

        String sixth = codeFromSession(params());
        SimulatorClient.Answer wrongSecret = client.form(sim.issuer() + "/v1/token", Map.of("grant_type", "authorization_code",
                "code", sixth, "redirect_uri", SimulatorClient.REDIRECT, "client_id", SimulatorClient.CLIENT_ID,
                "client_secret", "wrong", "code_verifier", SimulatorClient.VERIFIER));
        assertEquals(401, wrongSecret.status());
        assertEquals("invalid_client", wrongSecret.body().get("error").asText());
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() throws Exception {
        String code = aliceSignsIn(params()).callback().get("code");
        sim.clock().advance(Duration.ofSeconds(61));
        assertOAuthError(exchange(code, SimulatorClient.REDIRECT, SimulatorClient.VERIFIER), 400, "invalid_grant",
                "The authorization code is invalid or has expired.");
    }

    @Test
    void aConfidentialClientWithoutPkceNeedsNoVerifierButMayNotSendOne() throws Exception {
        String code = aliceSignsIn(params("code_challenge", null, "code_challenge_method", null)).callback().get("code");
        assertEquals(200, exchange(code, SimulatorClient.REDIRECT, null).status());
        String again = codeFromSession(params("code_challenge", null, "code_challenge_method", null));
        assertOAuthError(exchange(again, SimulatorClient.REDIRECT, SimulatorClient.VERIFIER), 400, "invalid_grant", "PKCE verification failed.");
    }

    @Test
    void aPublicClientSignsInWithPkceAndNoSecret() throws Exception {
        String spa = "http://localhost:8080/spa/callback";
        String code = aliceSignsIn(params("client_id", "0oa-demo-public-app", "redirect_uri", spa, "scope", "openid offline_access"))
                .callback().get("code");
        SimulatorClient.Answer tokens = client.form(sim.issuer() + "/v1/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", spa, "client_id", "0oa-demo-public-app", "code_verifier", SimulatorClient.VERIFIER));
        assertEquals(200, tokens.status(), tokens.toString());
        assertTrue(tokens.body().hasNonNull("refresh_token"));
        assertEquals("0oa-demo-public-app", claims(tokens.body(), "id_token").getAudience().get(0));
    }

    @Test
    void theSessionSkipsThePageUntilPromptLoginOrLogout() throws Exception {
        aliceSignsIn(params());
        String sid = browser.cookie("sid");

        HostedBrowser.Page silent = browser.authorize(params("prompt", "none", "state", "s2", "nonce", "n2"));
        assertEquals("s2", silent.callback().get("state"));
        JsonNode tokens = exchange(silent.callback().get("code"), SimulatorClient.REDIRECT, SimulatorClient.VERIFIER).body();
        assertEquals("n2", claims(tokens, "id_token").getStringClaim("nonce"));
        assertNotNull(browser.authorize(params()).location(), "no page with a session");

        HostedBrowser.Page forced = browser.authorize(params("prompt", "login"));
        assertEquals(200, forced.status());
        assertTrue(forced.forms().contains("identify"));
        signIn(forced, ALICE, ALICE_PASSWORD);
        assertNotEquals(sid, browser.cookie("sid"), "a new sign-in, a new session");

        assertNull(new HostedBrowser(sim).authorize(params()).location(), "another browser has no session");

        HostedBrowser.Page out = browser.get(sim.issuer() + "/v1/logout?id_token_hint=" + tokens.get("id_token").asText()
                + "&post_logout_redirect_uri=" + java.net.URLEncoder.encode("http://localhost:8080/sample/", "UTF-8"));
        assertEquals("http://localhost:8080/sample/", out.location());
        HostedBrowser.Page after = browser.authorize(params("prompt", "none"));
        assertEquals("login_required", after.callback().get("error"));
    }

    @Test
    void aWrongPasswordShowsOktasMessageOnTheSamePage() throws Exception {
        HostedBrowser.Page page = browser.submit(browser.authorize(params()), "identify", Map.of("identifier", ALICE));
        HostedBrowser.Page wrong = browser.submit(page, "challenge-authenticator", Map.of("credentials.passcode", "nope"));
        assertEquals(200, wrong.status());
        assertTrue(wrong.errors().contains("Password is incorrect"), wrong.errors().toString());
        assertNull(wrong.location());
        HostedBrowser.Page done = browser.submit(wrong, "challenge-authenticator", Map.of("credentials.passcode", ALICE_PASSWORD));
        assertNotNull(done.callback().get("code"));
    }

    @Test
    void formsNeedTheirCsrfTokenAndTheBrowserThatStartedTheSignIn() throws Exception {
        HostedBrowser.Page page = browser.authorize(params());
        String action = page.form("identify").absUrl("action");
        HostedBrowser.Page forged = browser.post(action, Map.of("_form", "identify", "_csrf", "guess", "identifier", ALICE));
        assertEquals(403, forged.status());
        HostedBrowser.Page noToken = browser.post(action, Map.of("_form", "identify", "identifier", ALICE));
        assertEquals(403, noToken.status());
        String csrf = page.form("identify").selectFirst("input[name=_csrf]").attr("value");
        HostedBrowser.Page elsewhere = new HostedBrowser(sim).post(action, Map.of("_form", "identify", "_csrf", csrf, "identifier", ALICE));
        assertEquals(400, elsewhere.status(), "another browser (no DT cookie) cannot drive this sign-in");
        assertEquals(400, new HostedBrowser(sim).get(page.uri().toString()).status());
        // Nothing happened: the page still asks who is signing in.
        assertEquals(List.of("identify", "select-enroll-profile", "unlock-account"), browser.get(page.uri().toString()).forms());
    }

    @Test
    void aRateLimitedStepShowsOktasMessageAndLeavesTheStepAsItWas() throws Exception {
        sim.rateLimits().limit("identify", 1, Duration.ofMinutes(1));
        HostedBrowser.Page page = browser.authorize(params());
        HostedBrowser.Page unknown = browser.submit(page, "identify", Map.of("identifier", "nobody@example.com"));
        assertTrue(unknown.errors().contains("Unable to sign in"), unknown.errors().toString());
        HostedBrowser.Page limited = browser.submit(unknown, "identify", Map.of("identifier", ALICE));
        assertEquals(429, limited.status());
        assertTrue(limited.errors().contains("Too many requests"), limited.errors().toString());
        assertTrue(limited.forms().contains("identify"));
        sim.rateLimits().clear();
        HostedBrowser.Page password = browser.submit(limited, "identify", Map.of("identifier", ALICE));
        assertTrue(password.forms().contains("challenge-authenticator"), password.body());
    }

    @Test
    void formPostDeliversTheCodeInAPostedForm() throws Exception {
        HostedBrowser.Page done = signIn(browser.authorize(params("response_mode", "form_post")), ALICE, ALICE_PASSWORD);
        assertEquals(200, done.status());
        org.jsoup.nodes.Element form = done.doc().selectFirst("form");
        assertEquals(SimulatorClient.REDIRECT, form.attr("action"));
        assertEquals("state-123", form.selectFirst("input[name=state]").attr("value"));
        String code = form.selectFirst("input[name=code]").attr("value");
        assertEquals(200, exchange(code, SimulatorClient.REDIRECT, SimulatorClient.VERIFIER).status());
    }

    private String codeFromSession(Map<String, String> params) throws Exception {
        HostedBrowser.Page p = browser.authorize(params);
        assertNotNull(p.location(), "the session answers at once: " + p.body());
        return p.callback().get("code");
    }

    private SimulatorClient.Answer userinfo(String accessToken) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(sim.issuer() + "/v1/userinfo")).header("Authorization", "Bearer " + accessToken).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new SimulatorClient.Answer(r.statusCode(), null, client.json.readTree(r.body()));
    }
}
