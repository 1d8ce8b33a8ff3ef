package io.oiefilter.it;

import io.oiefilter.it.servers.ServerProcess;
import io.oiefilter.it.servers.WildFly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.nio.file.Path;

/** The core journeys on WildFly (the distribution from Maven Central), the sample WAR unchanged. */
class WildFlyIT extends CoreJourneys {
    private static WildFly server;
    private static URI base;

    @BeforeAll
    static void startWildFly() throws Exception {
        int port = ServerProcess.freePort();
        server = WildFly.installed("wildfly", port);
        base = start(server, Path.of(System.getProperty("it.sampleWar")), port, "sample");
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
