package io.oiefilter.it;

import io.oiefilter.it.servers.ServerProcess;
import io.oiefilter.it.servers.WildFly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.nio.file.Path;

/**
 * Container security on WildFly, the sample WAR as built, with the one server setting Jakarta Security
 * mechanisms need there ({@link WildFly#JAKARTA_SECURITY}).
 */
class WildFlyContainerSecurityIT extends ContainerSecurityJourneys {
    private static WildFly server;
    private static URI base;

    @BeforeAll
    static void startWildFly() throws Exception {
        int port = ServerProcess.freePort();
        server = WildFly.installed("wildfly-security", port).configure(WildFly.JAKARTA_SECURITY);
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
