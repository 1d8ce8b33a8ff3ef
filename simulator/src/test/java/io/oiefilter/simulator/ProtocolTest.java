package io.oiefilter.simulator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.oauth.FormBody;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PKCE, client authentication, single-use codes and signed tokens are checked for real. */
class ProtocolTest extends SimulatorTestBase {
    private String succeededCode() throws Exception {
        Answer i = client.introspect(client.interact());
        Answer id = client.identify(i.body().get("stateHandle").asText(), "alice@example.com", null);
        Answer ok = client.answer(id.body().get("stateHandle").asText(), "Wonderland-2026!");
        assertEquals(200, ok.status(), ok.body().toString());
        return SimulatorClient.interactionCode(ok.body());
    }

    @Test
    void tokensAreSignedWithThePublishedKeyAndCarryTheNonce() throws Exception {
        Answer tokens = client.token(succeededCode(), SimulatorClient.VERIFIER, SimulatorClient.SECRET);
        assertEquals(200, tokens.status(), tokens.body().toString());
        Answer discovery = client.get(sim.issuer() + "/.well-known/openid-configuration");
        assertEquals(sim.issuer(), discovery.body().get("issuer").asText());

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(discovery.body().get("jwks_uri").asText()).toURL()).build()));
        JWTClaimsSet claims = processor.process(tokens.body().get("id_token").asText(), null);
        assertEquals(sim.issuer(), claims.getIssuer());
        assertEquals(List.of(SimulatorClient.CLIENT_ID), claims.getAudience());
        assertEquals("n-123", claims.getStringClaim("nonce"));
        assertEquals("alice@example.com", claims.getStringClaim("preferred_username"));
        assertTrue(claims.getStringListClaim("groups").contains("Admins"));
    }

    @Test
    void wrongCodeVerifierFailsPkce() throws Exception {
        Answer a = client.token(succeededCode(), "another-verifier-0123456789-0123456789-0123", SimulatorClient.SECRET);
        assertEquals(400, a.status());
        assertEquals("invalid_grant", a.body().get("error").asText());
        assertEquals("PKCE verification failed.", a.body().get("error_description").asText());
    }

    @Test
    void wrongClientSecretIsRefused() throws Exception {
        Answer a = client.token(succeededCode(), SimulatorClient.VERIFIER, "not-the-secret");
        assertEquals(401, a.status());
        assertEquals("invalid_client", a.body().get("error").asText());
    }

    @Test
    void interactionCodesWorkOnce() throws Exception {
        String code = succeededCode();
        assertEquals(200, client.token(code, SimulatorClient.VERIFIER, SimulatorClient.SECRET).status());
        Answer again = client.token(code, SimulatorClient.VERIFIER, SimulatorClient.SECRET);
        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.body().get("error").asText());
    }

    @Test
    void interactChecksTheAppAndItsRedirectUri() throws Exception {
        String challenge = SimulatorClient.challenge(SimulatorClient.VERIFIER);
        Answer badRedirect = client.form(sim.issuer() + "/v1/interact", Map.of("client_id", SimulatorClient.CLIENT_ID,
                "scope", "openid", "redirect_uri", "https://evil.example/cb", "state", "s",
                "code_challenge", challenge, "code_challenge_method", "S256"));
        assertEquals(400, badRedirect.status());
        Answer unknownClient = client.form(sim.issuer() + "/v1/interact", Map.of("client_id", "nope", "scope", "openid",
                "redirect_uri", SimulatorClient.REDIRECT, "state", "s", "code_challenge", challenge, "code_challenge_method", "S256"));
        assertEquals(401, unknownClient.status());
        Answer wrongSecret = client.form(sim.issuer() + "/v1/interact", Map.of("client_id", SimulatorClient.CLIENT_ID,
                "client_secret", "wrong", "scope", "openid", "redirect_uri", SimulatorClient.REDIRECT, "state", "s",
                "code_challenge", challenge, "code_challenge_method", "S256"));
        assertEquals(401, wrongSecret.status());
    }

    @Test
    void malformedIdxBodiesGetAClearError() throws Exception {
        Answer a = client.ion(sim.baseUri() + "/idp/idx/identify", "{not json");
        assertEquals(400, a.status());
        assertEquals(SimulatorClient.ION, a.contentType(), "always a content type, or okta-idx-java 2.0.0 throws NPE");
    }

    @Test
    void rawFormBodiesAsOktaIdxJava200SendsThemAreRead() {
        Map<String, String> form = FormBody.parse("client_id=abc&scope=openid profile email&redirect_uri=http://localhost:8080/cb&state=100%");
        assertEquals("openid profile email", form.get("scope"));
        assertEquals("http://localhost:8080/cb", form.get("redirect_uri"));
        assertEquals("100%", form.get("state"));
    }

    private JsonNode tokensWithRefresh() throws Exception {
        Answer interact = client.interact(Map.of("scope", "openid profile email offline_access"));
        Answer i = client.introspect(interact.body().get("interaction_handle").asText());
        Answer id = client.identify(i.body().get("stateHandle").asText(), "alice@example.com", null);
        Answer ok = client.answer(id.body().get("stateHandle").asText(), "Wonderland-2026!");
        Answer tokens = client.token(SimulatorClient.interactionCode(ok.body()), SimulatorClient.VERIFIER, SimulatorClient.SECRET);
        assertEquals(200, tokens.status(), tokens.body().toString());
        return tokens.body();
    }

    @Test
    void refreshTokensIssueNewTokens() throws Exception {
        JsonNode tokens = tokensWithRefresh();
        String refresh = tokens.get("refresh_token").asText();
        Answer refreshed = client.form(sim.issuer() + "/v1/token", Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", SimulatorClient.CLIENT_ID, "client_secret", SimulatorClient.SECRET, "scope", "openid"));
        assertEquals(200, refreshed.status(), refreshed.body().toString());
        assertTrue(refreshed.body().has("access_token") && refreshed.body().has("id_token"));

        assertEquals(200, client.form(sim.issuer() + "/v1/revoke", Map.of("token", refresh, "token_type_hint", "refresh_token",
                "client_id", SimulatorClient.CLIENT_ID, "client_secret", SimulatorClient.SECRET)).status());
        Answer afterRevoke = client.form(sim.issuer() + "/v1/token", Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", SimulatorClient.CLIENT_ID, "client_secret", SimulatorClient.SECRET));
        assertEquals(400, afterRevoke.status());
        assertEquals("invalid_grant", afterRevoke.body().get("error").asText());
    }

    @Test
    void userinfoAnswersValidAccessTokensUntilRevoked() throws Exception {
        String access = tokensWithRefresh().get("access_token").asText();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(URI.create(sim.issuer() + "/v1/userinfo"))
                .header("Authorization", "Bearer " + access).build();
        java.net.http.HttpResponse<String> info = http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, info.statusCode());
        assertTrue(info.body().contains("\"preferred_username\":\"alice@example.com\""), info.body());

        client.form(sim.issuer() + "/v1/revoke", Map.of("token", access, "client_id", SimulatorClient.CLIENT_ID,
                "client_secret", SimulatorClient.SECRET));
        assertEquals(401, http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void logoutReturnsOnlyToRegisteredUris() throws Exception {
        String idToken = tokensWithRefresh().get("id_token").asText();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = sim.issuer() + "/v1/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri=";
        java.net.http.HttpResponse<String> ok = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base
                + "http://localhost:8080/sample/&state=xyz")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, ok.statusCode());
        assertEquals("http://localhost:8080/sample/?state=xyz", ok.headers().firstValue("Location").orElseThrow());
        java.net.http.HttpResponse<String> evil = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base
                + "https://evil.example/")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, evil.statusCode());
    }
}
