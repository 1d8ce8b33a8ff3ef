package io.oiefilter.it;

import io.oiefilter.it.servers.PayaraMicro;
import io.oiefilter.it.servers.SampleSettings;
import io.oiefilter.it.servers.ServerProcess;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.SignOnMode;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two applications on one Payara Micro, each signing in to its own Okta app, configured per app and
 * never through JVM-wide client settings:
 * <ul>
 *   <li>{@code sample-a}: the sample with its client id and sign-out address as context-params and its
 *       client secret as a JNDI environment entry ({@code java:comp/env/okta.oauth2.clientSecret});</li>
 *   <li>{@code sample-b}: the sample WAR unchanged, byte for byte; the server's admin gives it its client
 *       through MicroProfile Config: a post-boot command file ({@code set-config-property}, the sign-out
 *       address under okta-spring-boot's name) and the client secret as a file in Payara's secrets
 *       directory ({@code --secretsdir}).</li>
 * </ul>
 * Those server-wide MicroProfile values reach sample-a too, and lose there to its own context-params and
 * JNDI entry: the layers' order on a real server. Only what both share (the org, the redirect URI, the
 * API token) is a system property.
 */
@ExtendWith(SimulatorExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TwoAppsIT {
    private static final String A_CLIENT_ID = SampleSettings.CLIENT_ID;
    private static final String B_CLIENT_ID = "0oa-second-web-app";
    private static final String B_SECRET = "second-client-secret-not-for-production";

    private static final String SERVER = "payara-micro-6-two-apps";

    private static PayaraMicro server;
    private static URI a;
    private static URI b;

    @BeforeAll
    static void start() throws Exception {
        Simulator sim = SimulatorExtension.simulator();
        int port = ServerProcess.freePort();
        a = URI.create("http://localhost:" + port + "/sample-a/");
        b = URI.create("http://localhost:" + port + "/sample-b/");
        sim.org().app(A_CLIENT_ID).orElseThrow().allowPostLogoutRedirectUri(a + "oie/signed-out");
        if (sim.org().app(B_CLIENT_ID).isEmpty()) {
            sim.org().addApp(new OrgApp(B_CLIENT_ID, B_SECRET, "Second sample app", List.of(SampleSettings.REDIRECT_URI),
                    List.of(b + "oie/signed-out"), List.of("authorization_code", "interaction_code", "refresh_token"),
                    SignOnMode.IDENTIFIER_FIRST, false));
        }

        Path dir = Files.createDirectories(ServerProcess.logDirectory().resolve("two-apps"));
        Path warA = dir.resolve("sample-a.war");
        appA(a).as(ZipExporter.class).exportTo(warA.toFile(), true);
        Path warB = dir.resolve("sample-b.war");
        Files.copy(Path.of(System.getProperty("it.sampleWar")), warB, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Path postBoot = Files.writeString(dir.resolve("postboot.asadmin"), String.join("\n",
                "set-config-property --source=domain --propertyName=okta.oauth2.clientId --propertyValue=" + B_CLIENT_ID,
                "set-config-property --source=domain --propertyName=okta.oauth2.postLogoutRedirectUri --propertyValue="
                        + b + "oie/signed-out", ""));
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("okta.oauth2.clientSecret"), B_SECRET);

        Map<String, String> shared = new java.util.LinkedHashMap<>(SampleSettings.forSample(sim.port(), port, "unused"));
        for (String perApp : List.of("okta.oauth2.clientId", "okta.oauth2.clientSecret", "oie.postLogoutRedirectUri")) {
            shared.remove(perApp);
        }
        server = new PayaraMicro(SERVER, Path.of(System.getProperty("it.payaraJar")), port)
                .withOptions("--postbootcommandfile", postBoot.toString(), "--secretsdir", secrets.toString());
        server.start(List.of(warA, warB), shared);
    }

    /** The sample with its own Okta app in web.xml: client id and sign-out address as context-params, the secret in JNDI. */
    private static WebArchive appA(URI base) throws IOException {
        WebArchive war = SampleDeployment.war();
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String anchor = "<distributable/>";
        if (!webXml.contains(anchor)) {
            throw new IllegalStateException("the sample's web.xml changed; update this test");
        }
        String perApp = anchor + "\n"
                + param("okta.oauth2.clientId", A_CLIENT_ID)
                + param("oie.postLogoutRedirectUri", base + "oie/signed-out")
                + "  <env-entry><env-entry-name>okta.oauth2.clientSecret</env-entry-name>"
                + "<env-entry-type>java.lang.String</env-entry-type><env-entry-value>" + SampleSettings.CLIENT_SECRET
                + "</env-entry-value></env-entry>\n";
        return war.setWebXML(new StringAsset(webXml.replace(anchor, perApp)));
    }

    private static String param(String name, String value) {
        return "  <context-param><param-name>" + name + "</param-name><param-value>" + value + "</param-value></context-param>\n";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void identifierFirst() {
        for (String client : List.of(A_CLIENT_ID, B_CLIENT_ID)) {
            SimulatorExtension.simulator().org().app(client).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        }
    }

    /** Signs in on the app {@code c} is at, from a protected page; returns the page with the ID token's claims. */
    private static HttpResponse<String> signIn(WebClient c) throws Exception {
        HttpResponse<String> signIn = c.follow(c.get("app/details.jsp?tab=claims", "Accept", "text/html"));
        assertTrue(signIn.body().contains("name=\"identifier\""), "the sign-in page:\n" + signIn.body());
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        HttpResponse<String> signedIn = c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        assertEquals(302, signedIn.statusCode(), "signed in (the token call took this app's client secret):\n" + signedIn.body());
        HttpResponse<String> claims = c.follow(signedIn);
        assertTrue(claims.body().contains("Details for Alice Liddell"), claims.body());
        return claims;
    }

    /** The audience of the ID token the app shows: the client id Okta issued it to. */
    private static void assertIssuedTo(String clientId, HttpResponse<String> claimsPage) {
        String json = claimsPage.body().replace("&#034;", "\"").replace("&quot;", "\"");
        assertTrue(Pattern.compile("\"aud\":\\[?\"" + Pattern.quote(clientId) + "\"").matcher(json).find(),
                "an ID token for " + clientId + ":\n" + json);
    }

    @Test
    void eachAppSignsInToItsOwnOktaApp() throws Exception {
        WebClient browser = new WebClient(a);
        assertIssuedTo(A_CLIENT_ID, signIn(browser));

        WebClient sameBrowserOnB = browser.at(b);
        assertEquals(302, sameBrowserOnB.get("app/").statusCode(), "a sign-in on sample-a is not one on sample-b");
        assertIssuedTo(B_CLIENT_ID, signIn(sameBrowserOnB));
    }

    @Test
    void neitherSecretIsWrittenToTheServerLog() throws Exception {
        signIn(new WebClient(b));
        String log = Files.readString(ServerProcess.logDirectory().resolve(SERVER + ".log"), StandardCharsets.ISO_8859_1);
        assertTrue(log.contains("oie-filter started"), "the log is the server's");
        for (String secret : List.of(SampleSettings.CLIENT_SECRET, B_SECRET)) {
            assertFalse(log.contains(secret), "a client secret in the log");
        }
    }

    @Test
    void signingOutOfOneLeavesTheOtherSignedInAndEachComesBackToItsOwnAddress() throws Exception {
        WebClient onA = new WebClient(a);
        signIn(onA);
        WebClient onB = onA.at(b);
        signIn(onB);

        HttpResponse<String> homeA = onA.get("app/");
        HttpResponse<String> out = onA.post("oie/logout", fields(homeA.body()));
        assertEquals(302, out.statusCode(), out.body());
        String toOkta = out.headers().firstValue("Location").orElseThrow();
        assertTrue(toOkta.contains("post_logout_redirect_uri=" + java.net.URLEncoder.encode(a + "oie/signed-out",
                StandardCharsets.UTF_8)), "sample-a's own sign-out address (its context-param): " + toOkta);
        HttpResponse<String> back = onA.follow(out);
        assertTrue(back.uri().toString().startsWith(a.toString()) && back.body().contains("You have signed out"), back.uri() + "\n" + back.body());
        assertEquals(302, onA.get("app/").statusCode(), "signed out of sample-a");

        HttpResponse<String> stillB = onB.get("app/");
        assertEquals(200, stillB.statusCode(), "still signed in to sample-b: its session is its own");
        HttpResponse<String> outB = onB.post("oie/logout", fields(stillB.body()));
        String toOktaB = outB.headers().firstValue("Location").orElseThrow();
        assertTrue(toOktaB.contains("post_logout_redirect_uri=" + java.net.URLEncoder.encode(b + "oie/signed-out",
                StandardCharsets.UTF_8)), "sample-b's, from MicroProfile Config under okta-spring-boot's name: " + toOktaB);
    }
}
