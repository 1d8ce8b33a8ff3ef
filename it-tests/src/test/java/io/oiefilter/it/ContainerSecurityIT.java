package io.oiefilter.it;

import io.oiefilter.it.servers.PayaraMicro;
import io.oiefilter.it.servers.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.nio.file.Path;

/** Container security on Payara Micro 6 (Jakarta Security by Soteria, EJB Lite), the sample WAR as built. */
class ContainerSecurityIT extends ContainerSecurityJourneys {
    private static PayaraMicro server;
    private static URI base;

    @BeforeAll
    static void startPayara() throws Exception {
        int port = ServerProcess.freePort();
        server = new PayaraMicro("payara-micro-6-security", Path.of(System.getProperty("it.payaraJar")), port);
        base = CoreJourneys.start(server, Path.of(System.getProperty("it.sampleWar")), port, "sample");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected URI sampleBase() {
        return base;
    }
}
