package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.oiefilter.simulator.SimulatorClient.Answer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What browser and resource-server clients need of the authorization server beyond the filter's own calls: a public
 * client's revocation as auth-js sends it, introspection, Okta's ID token claims, and a discovery document that
 * advertises only what answers.
 */
class PublicClientsProtocolTest extends SimulatorTestBase {
    static final String PUBLIC = "0oa-demo-public-app";
    private final HttpClient http = HttpClient.newHttpClient();

    /** A public client's sign-in (PKCE, no secret): its token answer. */
    private JsonNode publicTokens() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("client_id", PUBLIC, "scope", "openid profile email offline_access",
                "redirect_uri", "http://localhost:8080/spa/callback", "state", "s", "nonce", "n",
                "code_challenge", SimulatorClient.challenge(SimulatorClient.VERIFIER), "code_challenge_method", "S256"));
        Answer interact = client.form(sim.issuer() + "/v1/interact", form);
        assertEquals(200, interact.status(), interact.body().toString());
        Answer state = client.introspect(interact.body().get("interaction_handle").asText());
        Answer id = client.identify(state.body().get("stateHandle").asText(), "alice@example.com", null);
        Answer ok = client.answer(id.body().get("stateHandle").asText(), "Wonderland-2026!");
        Answer tokens = client.form(sim.issuer() + "/v1/token", Map.of("grant_type", "interaction_code", "client_id", PUBLIC,
                "interaction_code", SimulatorClient.interactionCode(ok.body()), "code_verifier", SimulatorClient.VERIFIER));
        assertEquals(200, tokens.status(), tokens.body().toString());
        return tokens.body();
    }

    private HttpResponse<String> post(String endpoint, String authorization, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(sim.issuer() + "/v1/" + endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPublicClientRevokesWithABasicHeaderWithoutAColonAsAuthJsSendsIt() throws Exception {
        JsonNode tokens = publicTokens();
        String access = tokens.get("access_token").asText();
        HttpResponse<String> revoked = post("revoke", basic(PUBLIC), "token=" + access + "&token_type_hint=access_token");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(sim.grants().revoked(access));
        HttpResponse<String> refresh = post("revoke", basic(PUBLIC), "token=" + tokens.get("refresh_token").asText());
        assertEquals(200, refresh.statusCode(), refresh.body());
        assertTrue(sim.grants().refresh(tokens.get("refresh_token").asText()).isEmpty());
    }

    @Test
    void aClientRevokesOnlyItsOwnTokens() throws Exception {
        JsonNode tokens = publicTokens();
        String confidential = basic(SimulatorClient.CLIENT_ID + ":" + SimulatorClient.SECRET);
        for (String token : List.of(tokens.get("access_token").asText(), tokens.get("refresh_token").asText())) {
            assertEquals(200, post("revoke", confidential, "token=" + token).statusCode(), "answered as an unknown token");
        }
        assertFalse(sim.grants().revoked(tokens.get("access_token").asText()), "RFC 7009 2.1: not its token to revoke");
        assertTrue(sim.grants().refresh(tokens.get("refresh_token").asText()).isPresent());
    }

    @Test
    void aConfidentialClientStillNeedsItsSecretAndGarbageIsNoCredentials() throws Exception {
        for (String authorization : List.of(basic(SimulatorClient.CLIENT_ID), basic(SimulatorClient.CLIENT_ID + ":wrong"),
                "Basic %%%not-base64", basic("0oa-nobody"))) {
            HttpResponse<String> r = post("revoke", authorization, "token=whatever");
            assertEquals(401, r.statusCode(), authorization);
            assertTrue(r.body().contains("invalid_client"), r.body());
        }
    }

    @Test
    void idTokensCarryAtHashAndTheOrgsOneIdp() throws Exception {
        JsonNode first = publicTokens();
        JsonNode second = publicTokens();
        var claims = SignedJWT.parse(first.get("id_token").asText()).getJWTClaimsSet();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(first.get("access_token").asText().getBytes(StandardCharsets.US_ASCII));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)), claims.getStringClaim("at_hash"));
        assertEquals(List.of("pwd"), claims.getStringListClaim("amr"));
        String idp = claims.getStringClaim("idp");
        assertEquals(idp, SignedJWT.parse(second.get("id_token").asText()).getJWTClaimsSet().getStringClaim("idp"));
        assertTrue(idp.matches("00o[A-Za-z0-9]{17}"), idp);
        assertNotEquals(claims.getJWTID(), SignedJWT.parse(second.get("id_token").asText()).getJWTClaimsSet().getJWTID());
    }

    @Test
    void introspectionTellsAResourceServerWhatATokenIsUntilItIsRevoked() throws Exception {
        JsonNode tokens = publicTokens();
        String access = tokens.get("access_token").asText();
        String confidential = basic(SimulatorClient.CLIENT_ID + ":" + SimulatorClient.SECRET);
        JsonNode active = client.json.readTree(post("introspect", confidential, "token=" + access + "&token_type_hint=access_token").body());
        assertTrue(active.path("active").asBoolean(), active.toString());
        assertEquals("Bearer", active.path("token_type").asText());
        assertEquals(PUBLIC, active.path("client_id").asText());
        assertEquals("alice@example.com", active.path("username").asText());
        assertEquals("api://default", active.path("aud").asText());
        assertEquals(sim.issuer(), active.path("iss").asText());
        assertTrue(active.path("scope").asText().contains("openid"));
        assertTrue(active.path("uid").asText().startsWith("00u"));

        JsonNode refresh = client.json.readTree(post("introspect", basic(PUBLIC), "token=" + tokens.get("refresh_token").asText()).body());
        assertTrue(refresh.path("active").asBoolean(), refresh.toString());
        JsonNode othersRefresh = client.json.readTree(post("introspect", confidential, "token=" + tokens.get("refresh_token").asText()).body());
        assertFalse(othersRefresh.path("active").asBoolean(), "another client's refresh token is not its to see");

        post("revoke", basic(PUBLIC), "token=" + access);
        assertEquals("{\"active\":false}", post("introspect", confidential, "token=" + access).body());
        assertEquals("{\"active\":false}", post("introspect", confidential, "token=not-a-token").body());
        assertEquals(401, post("introspect", null, "token=" + access).statusCode(), "the caller authenticates");
        assertEquals(400, post("introspect", confidential, "").statusCode());
    }

    @Test
    void everyEndpointTheDiscoveryDocumentAdvertisesAnswers() throws Exception {
        JsonNode discovery = client.get(sim.issuer() + "/.well-known/openid-configuration").body();
        assertFalse(discovery.has("registration_endpoint"), "the simulator has no dynamic client registration");
        Iterator<Map.Entry<String, JsonNode>> fields = discovery.fields();
        int checked = 0;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getKey().endsWith("_endpoint") && !f.getKey().equals("jwks_uri")) {
                continue;
            }
            URI uri = URI.create(f.getValue().asText());
            assertTrue(uri.toString().startsWith(sim.baseUri()), f.toString());
            int get = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            int post = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertTrue(get != 404 || post != 404, f.getKey() + " answers 404 to GET and POST");
            checked++;
        }
        assertTrue(checked >= 7, "authorize, token, userinfo, jwks, introspect, revoke, end_session: " + checked);
    }
}
