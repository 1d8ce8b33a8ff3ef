package io.oiefilter.it;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;


/**
 * Runs one simulator for the whole IT run, on the loopback port Maven reserved (the Payara JVM is
 * told the same port in arquillian.xml). Stopped when the last test is done.
 */
public final class SimulatorExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SimulatorExtension.class);

    private static Simulator simulator;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NS).getOrComputeIfAbsent("simulator", k -> new Running(), Running.class);
    }

    /** The running simulator, for tests that change the org or read its counters. */
    public static Simulator simulator() {
        return simulator;
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {
        Running() {
            int port = Integer.parseInt(System.getProperty("it.simulator.port", "0"));
            Org org = Org.defaultSeed();
            // The IT app's own address as a sign-out redirect URI of the demo app.
            org.app(SampleDeployment.CLIENT_ID).orElseThrow()
                    .allowPostLogoutRedirectUri("http://localhost:" + System.getProperty("it.http.port") + "/sample/oie/signed-out");
            // Activation emails link to the app's own activation endpoint, as an org's template can.
            org.activationLinkTemplate("http://localhost:" + System.getProperty("it.http.port") + "/sample/oie/activate?token={token}");
            simulator = Simulator.start(org, port);
        }

        @Override
        public void close() {
            simulator.stop();
        }
    }
}
