package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.activation.Activation;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.mgmt.okta.OktaManagementPort;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.token.OidcProvider;
import io.oiefilter.log.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each way an app is commonly set up wrong against a real org, against the simulator answering as Okta does: the
 * person gets a plain error page (no stack trace, no secret), and the log has one line naming the cause and the
 * setting or admin-console place to fix. The README's troubleshooting table quotes these lines.
 */
class MisconfigurationTest {
    private static final String API_TOKEN = "00demo-management-api-token-not-for-production";
    private static final String READ_ONLY_TOKEN = "00read-only-admin-token-not-for-production";
    private static final String WRONG_SECRET = "wrong-client-secret-not-for-production";
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("io.oiefilter.messages", Locale.ENGLISH);

    private Simulator sim;
    private CapturedLog log;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        log = CapturedLog.of("io.oiefilter");
    }

    @AfterEach
    void stop() {
        log.close();
        sim.stop();
    }

    /** A new app (no first page known yet) whose first sign-in form is sent: the IDX transaction begins. */
    private FlowResult signIn(String... settings) {
        OieConfig config = SimulatorFixture.config(sim, settings);
        SignInFlow flow = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(),
                config.httpTimeout()), config);
        return flow.start();
    }

    /** PROVISIONED pat@example.com signs in with the management-api activation strategy and the given API token. */
    private FlowResult activate(String apiToken) {
        OieConfig config = SimulatorFixture.config(sim, OieConfig.MANAGEMENT_TOKEN, apiToken);
        Activation activation = new Activation(new io.oiefilter.spi.PluggableParts(config, getClass().getClassLoader(),
                () -> new OktaManagementPort(config.managementOrgUrl(), apiToken, config.httpTimeout())).strategy(),
                new InMemoryAttemptStore(), List.of(), config);
        SignInFlow flow = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(),
                config.httpTimeout()), config, activation, null, new InMemoryAttemptStore(), new ResponsePacer(d -> { }),
                new PendingActivations(Runnable::run, new ResponsePacer(d -> { }), Clock.systemUTC()), Clock.systemUTC());
        FlowResult.Page first = assertInstanceOf(FlowResult.Page.class, flow.start());
        return flow.identify(first.state(), "pat@example.com", null, new SignInFlow.Client("203.0.113.7", Locale.ENGLISH));
    }

    /** The person's page: 503 with the "cannot be reached, try again" text; nothing of Okta's or Java's. */
    private static void unavailablePage(FlowResult result) {
        FlowResult.Failed failed = assertInstanceOf(FlowResult.Failed.class, result, String.valueOf(result));
        assertEquals("oie.error.unavailable", failed.messageKey());
        assertEquals(503, failed.status());
        assertEquals(0, failed.retryAfterSeconds());
        String text = TEXT.getString(failed.messageKey());
        assertEquals("The sign-in service cannot be reached right now. Please try again in a moment.", text);
    }

    /** The one warning, with every expected part, no stack trace and no secret; returned for the README. */
    private String theLogLine(String... parts) {
        List<LogRecord> warnings = log.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(1, warnings.size(), () -> "one warning: " + lines(warnings));
        LogRecord r = warnings.get(0);
        assertNull(r.getThrown(), "no stack trace in the log either");
        String line = format(r);
        for (String part : parts) {
            assertTrue(line.contains(part), () -> "the log line names '" + part + "': " + line);
        }
        for (LogRecord any : log.records()) {
            String l = format(any);
            for (String secret : List.of(SimulatorFixture.SECRET, WRONG_SECRET, API_TOKEN, READ_ONLY_TOKEN, "00-wrong-token-value")) {
                assertFalse(l.contains(secret), () -> "no secret or token in the log: " + l);
            }
        }
        System.out.println("[MisconfigurationTest] " + line);
        return line;
    }

    private static String format(LogRecord r) {
        return CapturedLog.format(r);
    }

    private static String lines(List<LogRecord> rs) {
        return rs.stream().map(MisconfigurationTest::format).toList().toString();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort(); // closed again when this returns: nothing listens there
        }
    }

    @Test
    void aWrongClientSecret() {
        unavailablePage(signIn(OieConfig.CLIENT_SECRET, WRONG_SECRET));
        theLogLine("Okta refused the client secret", "check okta.oauth2.clientSecret", "HTTP 401 invalid_client");
    }

    @Test
    void theAppWithoutTheInteractionCodeGrant() {
        sim.org().addApp(new OrgApp("0oa-no-interaction-code", SimulatorFixture.SECRET, "No interaction code",
                List.of("http://localhost:8080/sample/authorization-code/callback"), List.of(),
                List.of("authorization_code", "refresh_token"), SignOnMode.IDENTIFIER_FIRST, false));
        unavailablePage(signIn(OieConfig.CLIENT_ID, "0oa-no-interaction-code"));
        theLogLine("the Okta app does not allow the Interaction Code grant", "tick Interaction Code under Grant type",
                "unauthorized_client");
    }

    @Test
    void theAccessPolicyRuleWithoutTheInteractionCodeGrant() {
        sim.org().accessPolicyGrantTypes(List.of("authorization_code", "refresh_token"));
        unavailablePage(signIn());
        theLogLine("no access policy rule lets this app use the Interaction Code grant",
                "tick Interaction Code in a rule of the authorization server's access policy",
                "idx.error.code.no_matching_policy");
    }

    @Test
    void anIssuerWithAWrongAuthorizationServer() {
        unavailablePage(signIn(OieConfig.ISSUER, sim.baseUri() + "/oauth2/wrong"));
        theLogLine("no authorization server answers at " + sim.baseUri() + "/oauth2/wrong", "check okta.oauth2.issuer", "HTTP 404");
    }

    @Test
    void theOrgUrlAsIssuer() {
        unavailablePage(signIn(OieConfig.ISSUER, sim.baseUri()));
        theLogLine("no authorization server answers at " + sim.baseUri() + ":", "check okta.oauth2.issuer",
                "/oauth2/default", "HTTP 404");
    }

    @Test
    void anUnreachableIssuer() throws Exception {
        String issuer = "http://127.0.0.1:" + closedPort() + "/oauth2/default";
        unavailablePage(signIn(OieConfig.ISSUER, issuer));
        theLogLine("cannot reach Okta at " + issuer, "check okta.oauth2.issuer", "ConnectException");
    }

    @Test
    void aRedirectUriTheAppDoesNotList() {
        unavailablePage(signIn(OieConfig.REDIRECT_URI, "https://app.example.com/not-registered"));
        theLogLine("Okta refused the redirect URI", "okta.oauth2.redirectUri (https://app.example.com/not-registered)",
                "Sign-in redirect URIs", "must be a Login redirect URI");
    }

    @Test
    void aWrongClientId() {
        unavailablePage(signIn(OieConfig.CLIENT_ID, "0oa-no-such-app"));
        theLogLine("Okta knows no app with this client id", "check okta.oauth2.clientId", "HTTP 401 invalid_client");
    }

    /** Activation cannot start; the person gets the page everyone gets after a failed sign-in, and Okta sent nothing. */
    @Test
    void aWrongManagementApiToken() {
        FlowResult.Page page = assertInstanceOf(FlowResult.Page.class, activate("00-wrong-token-value"));
        assertEquals(SignInView.ACTIVATION_CODE, page.view());
        assertTrue(sim.outbox().to("pat@example.com").isEmpty());
        theLogLine("activation look-up failed", "Okta refused the API token", "check okta.client.token", "HTTP 401 E0000011");
    }

    @Test
    void aManagementApiTokenOfAReadOnlyAdmin() {
        sim.org().addReadOnlyApiToken(READ_ONLY_TOKEN);
        FlowResult.Page page = assertInstanceOf(FlowResult.Page.class, activate(READ_ONLY_TOKEN));
        assertEquals(SignInView.ACTIVATION_CODE, page.view());
        assertTrue(sim.outbox().to("pat@example.com").isEmpty());
        assertEquals(io.oiefilter.simulator.org.UserStatus.PROVISIONED, sim.org().userByLogin("pat@example.com").orElseThrow().status());
        theLogLine("the API token lacks the permission for reactivate", "Super or Org Administrator", "HTTP 403 E0000006");
    }
}
