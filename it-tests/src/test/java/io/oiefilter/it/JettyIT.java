package io.oiefilter.it;

import io.oiefilter.it.servers.Jetty;
import io.oiefilter.it.servers.ServerProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/**
 * The core journeys on Jetty 12 ee10 (the jetty-home distribution the build unpacks), the sample WAR unchanged:
 * JSTL comes with the filter (Jetty's own JSTL module stays off), JAX-RS is Jersey on the ee10 class path (as an
 * app on Jetty brings its own), and there is no JCache, so the throttles count in memory.
 */
class JettyIT extends CoreJourneys {
    private static Jetty server;

    @BeforeAll
    static void startJetty() throws Exception {
        int port = ServerProcess.freePort();
        server = new Jetty("jetty-12", Path.of(System.getProperty("it.jettyHome")),
                List.of(Path.of(System.getProperty("it.jerseyLib"))), port);
        start(server, Path.of(System.getProperty("it.sampleWar")), port, "sample");
    }

    @Test
    void theFilterRunsWithoutJCache() throws Exception {
        ServerChecks.filterRunsWithoutJCache(server.libraryFolders(), Path.of(System.getProperty("it.sampleWar")), server.log());
    }
}
