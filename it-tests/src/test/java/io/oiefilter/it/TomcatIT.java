package io.oiefilter.it;

import io.oiefilter.it.servers.ServerProcess;
import io.oiefilter.it.servers.Tomcat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/**
 * The core journeys on Apache Tomcat (the distribution the build unpacks), the sample WAR unchanged: JSTL comes
 * with the filter, JAX-RS is Jersey in Tomcat's lib (as an app on Tomcat brings its own), and there is no
 * JCache, so the throttles count in memory.
 */
class TomcatIT extends CoreJourneys {
    private static Tomcat server;

    @BeforeAll
    static void startTomcat() throws Exception {
        int port = ServerProcess.freePort();
        server = new Tomcat("tomcat-11", Path.of(System.getProperty("it.tomcatHome")),
                List.of(Path.of(System.getProperty("it.jerseyLib"))), port);
        start(server, Path.of(System.getProperty("it.sampleWar")), port, "sample");
    }

    @Test
    void theFilterRunsWithoutJCache() throws Exception {
        ServerChecks.filterRunsWithoutJCache(server.libraryFolders(), Path.of(System.getProperty("it.sampleWar")), server.log());
    }
}
