package io.oiefilter.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's third mode: its WAR at the context root of Payara Micro, answering a whole sign-in. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SimulatorWarIT {
    private static final String ION = "application/ion+json; okta-version=1.0.0";
    private static final Pattern STATE_HANDLE = Pattern.compile("\"stateHandle\":\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"name\":\"interaction_code\",\"required\":true,\"value\":\"([^\"]+)\"");

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.simulatorWar")));
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built); // Okta's endpoints live at the root
    }

    @ArquillianResource
    URL deployed;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> post(URI uri, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    @Test
    void signsInWithPkceAndServesTheAdminPages() throws Exception {
        URI base = URI.create("http://localhost:" + deployed.getPort());
        String issuer = base + "/oauth2/default";
        String verifier = "war-mode-verifier-0123456789-0123456789-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, discovery.statusCode(), discovery.body());
        assertTrue(discovery.body().contains("\"issuer\":\"" + issuer + "\""), discovery.body());

        HttpResponse<String> interact = post(URI.create(issuer + "/v1/interact"), "application/x-www-form-urlencoded",
                "client_id=0oa-demo-web-app&client_secret=demo-client-secret-not-for-production&scope=openid%20profile"
                + "&redirect_uri=" + URLEncoder.encode(SampleDeployment.REDIRECT_URI, StandardCharsets.UTF_8)
                + "&state=s&code_challenge=" + challenge + "&code_challenge_method=S256");
        assertEquals(200, interact.statusCode(), interact.body());
        String handle = interact.body().replaceAll(".*\"interaction_handle\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> introspect = post(base.resolve("/idp/idx/introspect"), ION, "{\"interactionHandle\":\"" + handle + "\"}");
        assertEquals(ION, introspect.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(introspect.body().contains("\"href\":\"" + base + "/idp/idx/identify\""), introspect.body());
        HttpResponse<String> identify = post(base.resolve("/idp/idx/identify"), ION, "{\"identifier\":\"alice@example.com\","
                + "\"stateHandle\":\"" + find(STATE_HANDLE, introspect.body()) + "\"}");
        HttpResponse<String> answer = post(base.resolve("/idp/idx/challenge/answer"), ION, "{\"credentials\":{\"passcode\":\""
                + SampleDeployment.ALICE_PASSWORD + "\"},\"stateHandle\":\"" + find(STATE_HANDLE, identify.body()) + "\"}");
        HttpResponse<String> tokens = post(URI.create(issuer + "/v1/token"), "application/x-www-form-urlencoded",
                "grant_type=interaction_code&client_id=0oa-demo-web-app&client_secret=demo-client-secret-not-for-production"
                + "&interaction_code=" + find(CODE, answer.body()) + "&code_verifier=" + verifier);
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertTrue(tokens.body().contains("\"id_token\""));

        HttpResponse<String> outbox = http.send(HttpRequest.newBuilder(base.resolve("/admin/outbox.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, outbox.statusCode());
        assertTrue(outbox.body().contains("<h1>Outbox</h1>"));

        // Faults work in the WAR too, through its servlet filter: here an error with no content type.
        http.send(HttpRequest.newBuilder(base.resolve("/admin/faults/introspect")).PUT(HttpRequest.BodyPublishers
                .ofString("{\"status\":500,\"contentType\":false,\"times\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> faulty = post(base.resolve("/idp/idx/introspect"), ION, "{\"interactionHandle\":\"" + handle + "\"}");
        assertEquals(500, faulty.statusCode());
        assertTrue(faulty.headers().firstValue("Content-Type").isEmpty(), faulty.headers().toString());
    }

    /** CORS in the WAR: the JAX-RS filter on answers and preflights, the servlet fault filter on faults. */
    @Test
    void answersCorsForTrustedOriginsOnlyAlsoOnFaults() throws Exception {
        URI base = URI.create("http://localhost:" + deployed.getPort());
        String page = "http://127.0.0.1:9091";
        HttpResponse<String> trusted = post(base.resolve("/admin/trusted-origins"), "application/json",
                "{\"name\":\"WAR test page\",\"origin\":\"" + page + "\",\"scopes\":[\"CORS\"]}");
        assertEquals(200, trusted.statusCode(), trusted.body());

        http.send(HttpRequest.newBuilder(base.resolve("/admin/faults/introspect")).PUT(HttpRequest.BodyPublishers
                .ofString("{\"status\":503,\"times\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(base.resolve("/idp/idx/introspect"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", page)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-okta-user-agent-extended").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(page, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null), preflight.headers().toString());
        assertEquals("content-type, x-okta-user-agent-extended", preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(null));

        for (int expected : new int[] {503, 401}) { // the fault (the preflight left it), then the org's own answer
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/idp/idx/introspect")).header("Origin", page)
                    .header("Content-Type", ION).POST(HttpRequest.BodyPublishers.ofString("{\"interactionHandle\":\"nope\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, r.statusCode(), r.body());
            assertEquals(page, r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), r.headers().toString());
            assertEquals("true", r.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        }
        HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(base.resolve("/idp/idx/introspect"))
                .header("Origin", "http://127.0.0.1:6667").header("Content-Type", ION)
                .POST(HttpRequest.BodyPublishers.ofString("{\"interactionHandle\":\"nope\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(stranger.headers().map().keySet().stream().noneMatch(h -> h.toLowerCase().startsWith("access-control-")),
                stranger.headers().toString());
    }
}
