package io.oiefilter.log;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.FlowResult;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignOut;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.mgmt.ManagedUser;
import io.oiefilter.mgmt.okta.OktaManagementPort;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.token.OidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static io.oiefilter.SimulatorFixture.ALICE;
import static io.oiefilter.SimulatorFixture.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Okta SDKs' own log lines reach java.util.logging (SLF4J through slf4j-jdk14), and with the root logger at ALL,
 * as an operator chasing a problem might set it, real calls to the simulator (the Management API, and a whole sign-in
 * and sign-out through IDX) put no API token, client secret, password or token in any line.
 */
class SdkLogsTest {
    private static final String API_TOKEN = "00demo-management-api-token-not-for-production";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger root = Logger.getLogger("");
    private Level rootLevel;
    private Simulator sim;

    @BeforeEach
    void everythingLogged() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        rootLevel = root.getLevel();
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.ALL);
    }

    @AfterEach
    void restore() {
        root.setLevel(rootLevel);
        root.removeHandler(capture);
        sim.stop();
    }

    /** Every captured line as a handler would print it: message, parameters and any stack trace. */
    private String everything() {
        SimpleFormatter format = new SimpleFormatter();
        StringBuilder all = new StringBuilder();
        for (LogRecord r : records) {
            all.append(r.getLoggerName()).append(' ').append(format.format(r));
        }
        return all.toString();
    }

    private List<String> loggers(String prefix) {
        return records.stream().map(LogRecord::getLoggerName).filter(n -> n != null && n.startsWith(prefix)).distinct().toList();
    }

    @Test
    void sdkLinesReachTheLogAndNoSecretDoes() throws Exception {
        OieConfig config = SimulatorFixture.config(sim, OieConfig.SCOPES, "openid profile email offline_access",
                OieConfig.SESSION_TOKENS, "id, access, refresh");
        OktaManagementPort management = new OktaManagementPort(URI.create(sim.baseUri()), API_TOKEN, Duration.ofSeconds(5));
        ManagedUser pat = management.findByLogin("pat@example.com").orElseThrow();
        String activationToken = management.reactivate(pat.id(), false).orElseThrow();

        OktaIdxPort idx = new OktaIdxPort(config);
        OidcProvider provider = new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout());
        SignInFlow flow = new SignInFlow(idx, provider, config);
        FlowResult.Page identify = assertInstanceOf(FlowResult.Page.class, flow.start());
        FlowResult.Page password = assertInstanceOf(FlowResult.Page.class, flow.identify(identify.state(), ALICE, null));
        OieAuthentication auth = assertInstanceOf(FlowResult.SignedIn.class,
                flow.answer(password.state(), ALICE_PASSWORD.toCharArray())).authentication();
        new SignOut(idx, provider, config).signOut(auth); // revokes both tokens, with the client secret
        idx.close();
        assertEquals(2, sim.requestLog().countOf("revoke"));

        String log = everything();
        List<String> secrets = new ArrayList<>(List.of(API_TOKEN, SimulatorFixture.SECRET, ALICE_PASSWORD, activationToken,
                auth.tokens().accessToken(), auth.tokens().idToken(), auth.tokens().refreshToken()));
        for (String secret : secrets) {
            assertTrue(secret.length() > 10, "a real value to look for");
            assertFalse(log.contains(secret), "a secret in the log: " + secret.substring(0, 6) + "…");
        }
        // The SDKs' lines did arrive: the Management SDK's, its HTTP client's, the IDX SDK's.
        assertFalse(loggers("com.okta.sdk.").isEmpty(), "the Management SDK's lines: " + loggers("com.okta"));
        assertFalse(loggers("org.apache.hc.client5.http.impl").isEmpty(), "the HTTP client's debug lines: " + loggers("org.apache"));
        assertFalse(loggers("com.okta.idx.").isEmpty(), "the IDX SDK's lines: " + loggers("com.okta"));
        assertEquals(List.of(), records.stream().map(LogRecord::getLoggerName).filter(SdkLogs.SECRET_BEARING::contains).toList());
    }

    @Test
    void withoutTheGuardTheHeaderLogWouldCarryTheApiToken() throws Exception {
        OktaManagementPort management = new OktaManagementPort(URI.create(sim.baseUri()), API_TOKEN, Duration.ofSeconds(5));
        Logger headers = Logger.getLogger("org.apache.hc.client5.http.headers");
        try {
            SdkLogs.release(); // as when the application stopped; and an operator opens that log by name
            headers.setLevel(Level.ALL);
            management.findByLogin(ALICE);
            assertTrue(everything().contains("SSWS " + API_TOKEN), "the capture sees what the guard keeps out");
        } finally {
            SdkLogs.keepSecretsOut();
        }
        records.clear();
        headers.setLevel(Level.ALL); // a later attempt to open it, while the application runs
        SdkLogs.keepSecretsOut();
        management.findByLogin(ALICE);
        assertFalse(everything().contains(API_TOKEN));
    }
}
