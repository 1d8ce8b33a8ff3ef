package io.oiefilter.deps;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.okta.sdk.client.AuthorizationMode;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.client.ApiClient;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * okta-sdk-java 24 needs Bouncy Castle (bcprov, bcpkix) only for OAuth 2.0 private-key authentication: it turns the
 * key into PEM with BC's ASN.1 classes, reads it back with {@code PEMParser} / {@code JcaPEMKeyConverter} and signs a
 * client assertion (jjwt). The filter itself uses an SSWS token, so no other test reaches that code; this one does,
 * with the Bouncy Castle release the parent pom puts in the WAR. The "org" is a loopback stub that answers the token
 * request and keeps the assertion, which is then verified with the key pair's public half.
 */
class ManagementSdkPrivateKeyTest {
    private static final String HTTPS_CHECK = "okta.testing.disableHttpsCheck";

    private HttpServer org;
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private String previousHttpsCheck;

    @BeforeEach
    void startOrg() throws IOException {
        previousHttpsCheck = System.setProperty(HTTPS_CHECK, "true"); // http loopback org
        org = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        org.createContext("/oauth2/v1/token", exchange -> {
            tokenRequests.add(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = """
                    {"token_type":"Bearer","expires_in":3600,"access_token":"at-from-stub","scope":"okta.users.read"}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        org.start();
    }

    @AfterEach
    void stopOrg() {
        org.stop(0);
        if (previousHttpsCheck == null) {
            System.clearProperty(HTTPS_CHECK);
        } else {
            System.setProperty(HTTPS_CHECK, previousHttpsCheck);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).forEach(kv ->
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
        return values;
    }

    @Test
    void signsAClientAssertionWithAPrivateKeyReadThroughBouncyCastle() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String orgUrl = "http://127.0.0.1:" + org.getAddress().getPort();

        ApiClient client = Clients.builder()
                .setOrgUrl(orgUrl)
                .setAuthorizationMode(AuthorizationMode.PRIVATE_KEY)
                .setClientId("0oa-service-app")
                .setScopes(Set.of("okta.users.read"))
                .setPrivateKey(keys.getPrivate()) // PKCS#8 -> PKCS#1 PEM with BC's ASN.1, parsed again with bcpkix
                .build(); // fetches the first access token

        assertNotNull(client);
        assertEquals(1, tokenRequests.size(), "one token request: " + tokenRequests);
        Map<String, String> request = tokenRequests.get(0);
        assertEquals("client_credentials", request.get("grant_type"));
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.get("client_assertion_type"));

        SignedJWT assertion = SignedJWT.parse(request.get("client_assertion"));
        assertEquals(JWSAlgorithm.RS256, assertion.getHeader().getAlgorithm());
        assertTrue(assertion.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic())), "signed with the key the SDK parsed");
        assertEquals("0oa-service-app", assertion.getJWTClaimsSet().getIssuer());
        assertEquals("0oa-service-app", assertion.getJWTClaimsSet().getSubject());
        assertEquals(List.of(orgUrl + "/oauth2/v1/token"), assertion.getJWTClaimsSet().getAudience());
    }
}
