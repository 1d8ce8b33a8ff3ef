package io.oiefilter.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Okta's own JavaScript client, {@code @okta/okta-auth-js} 8 (IDX in step mode, as its docs show), run in Node
 * against the simulator unchanged: the journeys of {@code src/test/node/auth-js-journey.mjs}. What the client saw
 * is asserted here, and what the org then holds is read from the simulator.
 */
class AuthJsIT {
    static final String SPA = "0oa-conformance-spa";
    static final String SPA_EMAIL_CODE = "0oa-conformance-spa-email-code";
    static final String SPA_REDIRECT = "http://localhost:9/spa/callback"; // registered, never visited: IDX needs no redirect
    static final String SPA_SIGNED_OUT = "http://localhost:9/spa/";
    static final String WEB = "0oa-demo-web-app";
    static final String WEB_SECRET = "demo-client-secret-not-for-production";
    static final String WEB_REDIRECT = "http://127.0.0.1:8080/sample/authorization-code/callback";
    static final String PASSWORD = "Journey-Pass-2026!";
    private static Simulator sim;

    @BeforeAll
    static void startOrg() {
        Org org = Org.defaultSeed();
        List<String> grants = List.of("interaction_code", "refresh_token", "authorization_code");
        OrgApp spa = new OrgApp(SPA, null, "auth-js SPA", List.of(SPA_REDIRECT), List.of(SPA_SIGNED_OUT), grants,
                SignOnMode.IDENTIFIER_FIRST, false);
        spa.selfServiceRegistration(true);
        org.addApp(spa);
        org.addApp(new OrgApp(SPA_EMAIL_CODE, null, "auth-js SPA, email code", List.of(SPA_REDIRECT), List.of(), grants,
                SignOnMode.IDENTIFIER_FIRST, true));
        sim = Simulator.start(org, 0);
    }

    @AfterAll
    static void stopOrg() {
        sim.stop();
    }

    private static OrgUser activeUser(String login) {
        return sim.org().createUser(login, login, "Jo", "Journey", List.of(), PASSWORD, UserStatus.ACTIVE, true, Instant.now());
    }

    private static Map<String, String> spa(String clientId) {
        Map<String, String> env = new HashMap<>();
        env.put("OIE_ORG", sim.baseUri());
        env.put("OIE_ISSUER", sim.issuer());
        env.put("OIE_CLIENT_ID", clientId);
        env.put("OIE_REDIRECT_URI", SPA_REDIRECT);
        return env;
    }

    /** The configuration of a client signing in as {@code u} with the password every active test user has. */
    private static Map<String, String> signingIn(String clientId, OrgUser u) {
        Map<String, String> env = spa(clientId);
        env.put("OIE_USERNAME", u.login());
        env.put("OIE_PASSWORD", PASSWORD);
        return env;
    }

    private static JsonNode journey(String name, Map<String, String> env) throws Exception {
        JsonNode result = NodeJourney.run("auth-js-journey.mjs", name, env);
        assertFalse(result.has("error"), () -> name + ": " + result);
        return result;
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void signsInWithAPassword() throws Exception {
        OrgUser u = activeUser("authjs.password@example.com");
        Map<String, String> env = signingIn(SPA, u);
        JsonNode r = journey("sign-in", env);
        assertEquals("SUCCESS", r.path("status").asText(), r.toString());
        assertEquals(List.of("identify", "challenge-authenticator:okta_password"), texts(r.path("steps")));
        assertEquals(List.of("accessToken", "idToken", "refreshToken"), texts(r.path("tokens")));
        assertEquals(u.id(), r.path("claims").path("sub").asText());
        assertEquals(u.email(), r.path("claims").path("email").asText());
        assertEquals(List.of("pwd"), texts(r.path("claims").path("amr")));
    }

    @Test
    void idTokensCarryOktasClaims() throws Exception {
        OrgUser u = activeUser("authjs.claims@example.com");
        Map<String, String> env = signingIn(SPA, u);
        JsonNode first = journey("sign-in", env).path("claims");
        JsonNode second = journey("sign-in", env).path("claims");
        assertFalse(first.path("at_hash").asText().isEmpty(), "every ID token issued with an access token has at_hash: " + first);
        assertEquals(first.path("idp").asText(), second.path("idp").asText(), "an org has one idp id");
        assertTrue(first.path("idp").asText().startsWith("00o"), first.toString());
    }

    @Test
    void anEmailCodeAfterThePasswordIsMfa() throws Exception {
        OrgUser u = activeUser("authjs.email@example.com");
        Map<String, String> env = signingIn(SPA_EMAIL_CODE, u);
        JsonNode r = journey("sign-in-email-code", env);
        assertEquals("SUCCESS", r.path("status").asText(), r.toString());
        assertEquals(List.of("identify", "challenge-authenticator:okta_password", "select-authenticator-authenticate",
                "challenge-authenticator:okta_email"), texts(r.path("steps")));
        assertEquals(1, r.path("mailedCodes").asInt());
        assertEquals(List.of("pwd", "mfa", "email"), texts(r.path("claims").path("amr")), "as Okta's recorded token says");
    }

    @Test
    void aProvisionedUserSeesWhatAnUnknownUserSees() throws Exception {
        OrgUser pat = sim.org().createUser("authjs.provisioned@example.com", "authjs.provisioned@example.com", "Pat",
                "Pending", List.of(), null, UserStatus.PROVISIONED, false, Instant.now());
        Map<String, String> env = spa(SPA);
        env.put("OIE_USERNAME", pat.login());
        JsonNode provisioned = journey("unknown-user", env);
        env.put("OIE_USERNAME", "authjs.nobody@example.com");
        JsonNode unknown = journey("unknown-user", env);
        assertEquals("PENDING", provisioned.path("status").asText(), provisioned.toString());
        assertEquals(unknown.path("steps"), provisioned.path("steps"));
        assertEquals(unknown.path("messages"), provisioned.path("messages"));
        JsonNode message = provisioned.path("messages").path(0);
        assertEquals("errors.E0000004", message.path("key").asText(), provisioned.toString()); // the widget: "Unable to sign in"
        assertEquals("Authentication failed", message.path("message").asText());
        assertTrue(sim.outbox().to(pat.email()).isEmpty(), "Okta sends nothing");
        assertEquals(UserStatus.PROVISIONED, pat.status());
    }

    @Test
    void signsUpThenIsSignedIn() throws Exception {
        Map<String, String> env = spa(SPA);
        env.put("OIE_FIRST_NAME", "Nia");
        env.put("OIE_LAST_NAME", "Newcomer");
        env.put("OIE_EMAIL", "authjs.signup@example.com");
        env.put("OIE_NEW_PASSWORD", "Fresh-Start-2026!");
        JsonNode r = journey("sign-up", env);
        assertEquals("SUCCESS", r.path("status").asText(), r.toString());
        assertEquals(List.of("identify -> select-enroll-profile", "enroll-profile", "select-authenticator-enroll",
                "enroll-authenticator:okta_password", "select-authenticator-enroll"), texts(r.path("steps")));
        OrgUser nia = sim.org().userByLogin("authjs.signup@example.com").orElseThrow();
        assertEquals(UserStatus.ACTIVE, nia.status());
        assertEquals(nia.id(), r.path("claims").path("sub").asText());
        assertEquals("Nia Newcomer", r.path("claims").path("name").asText());
    }

    @Test
    void recoversAForgottenPasswordByEmail() throws Exception {
        OrgUser u = activeUser("authjs.recovery@example.com");
        Map<String, String> env = spa(SPA);
        env.put("OIE_USERNAME", u.login());
        env.put("OIE_EMAIL", u.email());
        env.put("OIE_NEW_PASSWORD", "Remembered-2026!");
        JsonNode r = journey("recovery", env);
        assertEquals("SUCCESS", r.path("status").asText(), r.toString());
        assertEquals(List.of("identify", "challenge-authenticator:okta_password -> currentAuthenticatorEnrollment-recover",
                "select-authenticator-authenticate", "challenge-authenticator:okta_email", "reset-authenticator:okta_password"),
                texts(r.path("steps")));
        assertTrue(u.passwordMatches("Remembered-2026!"));
        assertFalse(u.passwordMatches(PASSWORD));
    }

    @Test
    void aConfidentialClientActivatesAUserWithAnActivationToken() throws Exception {
        OrgUser u = sim.org().createUser("authjs.activation@example.com", "authjs.activation@example.com", "Ada",
                "Activation", List.of(), null, UserStatus.PROVISIONED, false, Instant.now());
        Map<String, String> env = spa(WEB);
        env.put("OIE_CLIENT_SECRET", WEB_SECRET);
        env.put("OIE_REDIRECT_URI", WEB_REDIRECT);
        env.put("OIE_ACTIVATION_TOKEN", activationToken(u));
        env.put("OIE_EMAIL", u.email());
        env.put("OIE_NEW_PASSWORD", "Fresh-Start-2026!");
        JsonNode r = journey("activation-token", env);
        assertEquals("SUCCESS", r.path("status").asText(), r.toString());
        assertEquals("enroll-authenticator:okta_password", r.path("steps").path(1).asText(), r.toString());
        assertEquals(UserStatus.ACTIVE, u.status());
        assertEquals(u.id(), r.path("claims").path("sub").asText());
    }

    @Test
    void aPublicClientIsRefusedAnActivationTokenInOktasWords() throws Exception {
        OrgUser u = sim.org().createUser("authjs.public.activation@example.com", "authjs.public.activation@example.com",
                "Pia", "Public", List.of(), null, UserStatus.PROVISIONED, false, Instant.now());
        Map<String, String> env = spa(SPA);
        env.put("OIE_ACTIVATION_TOKEN", activationToken(u));
        JsonNode r = NodeJourney.run("auth-js-journey.mjs", "activation-token", env);
        assertEquals("invalid_request: Only confidential clients can use the activation token flow", r.path("error").asText()
                .replaceAll("\\.$", ""), r.toString());
    }

    @Test
    void signsOutRevokingItsTokensThenEndingTheOktaSession() throws Exception {
        OrgUser u = activeUser("authjs.signout@example.com");
        Map<String, String> env = signingIn(SPA, u);
        env.put("OIE_POST_LOGOUT_REDIRECT_URI", SPA_SIGNED_OUT);
        JsonNode r = journey("sign-out", env);
        assertFalse(r.has("revokeError"), r.path("revokeError").asText());
        assertEquals(List.of("refreshToken", "accessToken"), texts(r.path("revoked")));
        String accessToken = r.path("accessToken").asText();
        assertTrue(sim.grants().revoked(accessToken));
        HttpResponse<String> userinfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sim.issuer() + "/v1/userinfo")).header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, userinfo.statusCode(), "a revoked access token is refused");
        assertEquals(302, r.path("logout").path("status").asInt(), r.toString());
        assertEquals(SPA_SIGNED_OUT, r.path("logout").path("location").asText());
    }

    /** As an integrator's back end gets one for a PROVISIONED user: the Users API, {@code reactivate?sendEmail=false}. */
    private static String activationToken(OrgUser u) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUri()
                        + "/api/v1/users/" + u.id() + "/lifecycle/reactivate?sendEmail=false"))
                .header("Authorization", "SSWS 00demo-management-api-token-not-for-production")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("activationToken").asText();
        assertNotNull(token);
        return token;
    }
}
