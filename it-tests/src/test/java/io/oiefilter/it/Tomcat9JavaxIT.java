package io.oiefilter.it;

import io.oiefilter.it.servers.ServerProcess;
import io.oiefilter.it.servers.Tomcat;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.util.List;

/**
 * The core journeys with the javax sample on Tomcat 9 (Servlet 4), unchanged: JSTL 1.2 comes with
 * oie-filter-javax, JAX-RS is Jersey 2 in Tomcat's lib (it-tests/tomcat9-libs), as an app on Tomcat brings its own.
 */
class Tomcat9JavaxIT extends JavaxJourneys {
    @BeforeAll
    static void startTomcat9() throws Exception {
        int port = ServerProcess.freePort();
        Tomcat server = new Tomcat("tomcat-9", Path.of(System.getProperty("it.tomcat9Home")),
                List.of(Path.of(System.getProperty("it.tomcat9Libs"))), port);
        start(server, Path.of(System.getProperty("it.sampleJavaxWar")), port, "sample-javax");
    }
}
