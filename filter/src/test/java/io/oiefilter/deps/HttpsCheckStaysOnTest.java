package io.oiefilter.deps;

import com.okta.idx.sdk.api.client.IDXAuthenticationWrapper;
import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.client.Clients;
import io.oiefilter.SimulatorFixture;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.mgmt.ManagedUser;
import io.oiefilter.mgmt.okta.OktaManagementPort;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both Okta SDKs refuse an http Okta unless {@code okta.testing.disableHttpsCheck} is set for the whole
 * JVM. The filter talks to a loopback http simulator without it: nothing it does turns the check off for
 * another application in the same server.
 */
class HttpsCheckStaysOnTest {
    private static final String HTTPS_CHECK = "okta.testing.disableHttpsCheck";
    private static final String API_TOKEN = "00demo-management-api-token-not-for-production";

    private Simulator sim;
    private String previous;

    @BeforeEach
    void start() {
        // The Management SDK also honours this variable; with it set the JVM's check is off whatever we do.
        assumeTrue(System.getenv("OKTA_TESTING_DISABLEHTTPSCHECK") == null, "OKTA_TESTING_DISABLEHTTPSCHECK is set");
        previous = System.clearProperty(HTTPS_CHECK);
        sim = Simulator.start(Org.defaultSeed(), 0);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.stop();
        }
        if (previous != null) {
            System.setProperty(HTTPS_CHECK, previous);
        }
    }

    @Test
    void theFilterTalksToALoopbackHttpOktaAndLeavesTheJvmsHttpsCheckOn() throws Exception {
        try (OktaIdxPort idx = new OktaIdxPort(SimulatorFixture.config(sim))) {
            IdxStep first = idx.begin().step(); // interact (ours) and introspect (the SDK's), over http
            assertTrue(first.remediation("identify").isPresent(), first.toString());
        }
        ManagedUser alice = new OktaManagementPort(URI.create(sim.baseUri()), API_TOKEN, Duration.ofSeconds(5))
                .findByLogin(SimulatorFixture.ALICE).orElseThrow();
        assertEquals(SimulatorFixture.ALICE, alice.login());

        assertNull(System.getProperty(HTTPS_CHECK), "no JVM-wide switch is left set");
        assertFalse(Boolean.getBoolean(HTTPS_CHECK));

        // Another application in the same JVM building its own clients for an http Okta is still refused.
        IllegalArgumentException idxRefused = assertThrows(IllegalArgumentException.class, () -> new IDXAuthenticationWrapper(
                sim.issuer(), SimulatorFixture.CLIENT_ID, SimulatorFixture.SECRET, Set.of("openid"),
                "http://localhost:8080/sample/authorization-code/callback"));
        assertTrue(idxRefused.getMessage().contains("https"), idxRefused.getMessage());
        IllegalArgumentException managementRefused = assertThrows(IllegalArgumentException.class, () -> Clients.builder()
                .setOrgUrl(sim.baseUri()).setClientCredentials(new TokenClientCredentials(API_TOKEN)).build());
        assertTrue(managementRefused.getMessage().contains("https"), managementRefused.getMessage());
    }
}
