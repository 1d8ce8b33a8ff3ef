package io.oiefilter.it;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

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
            // The demo app as seeded, plus the IT app's own address as a post-logout URL.
            OrgApp seeded = org.app(SampleDeployment.CLIENT_ID).orElseThrow();
            List<String> postLogout = new ArrayList<>(seeded.postLogoutRedirectUris());
            postLogout.add("http://localhost:" + System.getProperty("it.http.port") + "/sample/");
            org.addApp(new OrgApp(seeded.clientId(), seeded.clientSecret(), seeded.label(), seeded.redirectUris(), postLogout,
                    seeded.grantTypes(), seeded.signOnMode(), seeded.requireEmailCode()));
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
