package io.oiefilter.it;

import io.oiefilter.it.servers.AppServer;
import io.oiefilter.it.servers.SampleSettings;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journeys every server in the matrix must pass with the same sample WAR, unchanged: a sign-in
 * that returns to the page first asked for, a JAX-RS call as the signed-in user, an API call without
 * sign-in, the activation of a PROVISIONED user through the code page, and sign-out (here and at Okta).
 * A server's test extends this and starts its server in {@code @BeforeAll} with {@link #start}; the
 * server started there is the one the journeys use, and it is stopped after the class.
 */
@ExtendWith(SimulatorExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS) // each journey is bounded, whatever the server does
public abstract class CoreJourneys {
    private static final AtomicInteger USERS = new AtomicInteger();
    /** The server {@link #start} started for the running class, and the sample's address on it. */
    private static AppServer server;
    private static URI base;

    /** The sample app's base URL on the server under test, ending in a slash. */
    protected URI sampleBase() {
        return base;
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * Starts {@code server} with {@code war} at context root {@code contextRoot}, configured for the
     * simulator, and registers its sign-out return address with the simulator's app.
     */
    protected static URI start(AppServer server, Path war, int httpPort, String contextRoot) throws Exception {
        return start(server, List.of(war), httpPort, contextRoot);
    }

    /**
     * As {@link #start(AppServer, Path, int, String)}, with more WARs in the same server (one start
     * for several apps): {@code wars} begins with the sample; every WAR gets the same settings.
     */
    protected static URI start(AppServer server, List<Path> wars, int httpPort, String contextRoot) throws Exception {
        Map<String, String> settings = SampleSettings.forSample(sim().port(), httpPort, contextRoot);
        sim().org().app(SampleSettings.CLIENT_ID).orElseThrow()
                .allowPostLogoutRedirectUri(settings.get("oie.postLogoutRedirectUri"));
        CoreJourneys.server = server;
        server.start(wars, settings);
        base = server.base(contextRoot);
        return base;
    }

    /** The simulator, started for the whole IT run by {@link SimulatorExtension} (also for static {@code @BeforeAll}). */
    protected static Simulator sim() {
        if (SimulatorExtension.simulator() == null) {
            throw new IllegalStateException("the simulator is not running: extend CoreJourneys, whose extension starts it");
        }
        return SimulatorExtension.simulator();
    }

    @BeforeEach
    void identifierFirst() {
        sim().org().app(SampleSettings.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    private WebClient client() {
        return new WebClient(sampleBase());
    }

    @Test
    void aSignInReturnsToThePageFirstAskedForAndTheApiKnowsTheUser() throws Exception {
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/details.jsp?tab=claims", "Accept", "text/html"));
        assertEquals(200, signIn.statusCode(), signIn.body());
        assertTrue(signIn.body().contains("name=\"identifier\""), "the filter's own sign-in page (its JSP):\n" + signIn.body());
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        assertTrue(password.body().contains("<title>Enter your password</title>"), password.body());

        HttpResponse<String> signedIn = c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith(sampleBase().getPath() + "app/details.jsp?tab=claims"), "back where she started: " + location);
        HttpResponse<String> details = c.follow(signedIn);
        assertTrue(details.body().contains("Details for Alice Liddell"), "the app's JSP sees her principal:\n" + details.body());

        HttpResponse<String> me = c.get("api/me", "Accept", "application/json");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"name\":\"alice@example.com\""), "JAX-RS sees who signed in: " + me.body());
    }

    @Test
    void theApiAnswers401WithoutASignIn() throws Exception {
        HttpResponse<String> me = client().get("api/me", "Accept", "application/json");
        assertEquals(401, me.statusCode(), me.body());
        assertTrue(me.headers().firstValue("WWW-Authenticate").orElse("").startsWith("OIE "), me.headers().map().toString());
    }

    @Test
    void aProvisionedUserActivatesThroughTheCodePageAndEndsSignedIn() throws Exception {
        String login = "it.matrix." + USERS.incrementAndGet() + "." + sampleBase().getPort() + "@example.com";
        OrgUser u = sim().org().createUser(login, login, "Matrix", "User", List.of(), null, UserStatus.PROVISIONED, false,
                Instant.now());
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/details.jsp?tab=activation"));
        HttpResponse<String> codePage = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", login)));
        assertTrue(codePage.body().contains("If this account is waiting to be activated"), codePage.body());
        HttpResponse<String> password = c.follow(c.post("oie/answer", fields(codePage.body(), "passcode",
                Outbox.code(u.email()))));
        assertTrue(password.body().contains("<title>Set up a password</title>"), password.body());
        HttpResponse<String> landed = c.post("oie/new-password", fields(password.body(), "password", "Activated-2026",
                "confirmPassword", "Activated-2026"));
        assertEquals(302, landed.statusCode(), landed.body());
        assertTrue(landed.headers().firstValue("Location").orElseThrow().endsWith("app/details.jsp?tab=activation"));
        assertTrue(c.follow(landed).body().contains("Details for Matrix User"), "signed in");
        assertEquals(UserStatus.ACTIVE, u.status());
        // The audit trail told the operator, in the server's own log, without the code or the password.
        String log = logWith("oie-filter audit: SIGN_IN_SUCCEEDED " + login);
        assertTrue(log.contains("oie-filter audit: ACTIVATION_STARTED " + login), "the activation's start is audited");
        assertTrue(log.contains("oie-filter audit: ACTIVATION_COMPLETED " + login), "and its end");
        assertTrue(log.contains("oie-filter audit: SIGN_IN_FAILED " + login), "the identify that led to the activation page");
        assertFalse(log.contains("Activated-2026"), "never the password");
    }

    /** The server's console once it holds {@code line} (log lines may take a moment to reach the file). */
    private static String logWith(String line) throws Exception {
        String log = "";
        for (int i = 0; i < 100 && !log.contains(line); i++) {
            log = java.nio.file.Files.readString(server.consoleLog(), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!log.contains(line)) {
                Thread.sleep(100);
            }
        }
        assertTrue(log.contains(line), () -> "no '" + line + "' in " + server.consoleLog());
        return log;
    }

    @Test
    void signOutEndsTheSessionHereAndAtOkta() throws Exception {
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
        assertTrue(home.body().contains("Hello, Alice Liddell"), home.body());

        HttpResponse<String> out = c.post("oie/logout", fields(home.body()));
        assertEquals(302, out.statusCode(), out.body());
        String toOkta = out.headers().firstValue("Location").orElseThrow();
        assertTrue(toOkta.startsWith("http://127.0.0.1:" + sim().port() + "/"), "through Okta's end-session endpoint: " + toOkta);
        HttpResponse<String> back = c.follow(out);
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(back.uri().toString().startsWith(sampleBase().toString()), "back on the app: " + back.uri());
        assertTrue(back.body().contains("You have signed out"), back.body());
        assertEquals(302, c.get("app/").statusCode(), "signed out: protected pages need sign-in again");
    }
}
