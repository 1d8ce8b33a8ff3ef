package io.oiefilter.it;

import io.oiefilter.it.servers.PayaraMicro;
import io.oiefilter.it.servers.ServerProcess;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

/** The core journeys with the javax sample on Payara Micro 5 (Java EE 8), started as a plain process. */
class PayaraMicro5JavaxIT extends JavaxJourneys {
    @BeforeAll
    static void startPayara5() throws Exception {
        int port = ServerProcess.freePort();
        PayaraMicro server = new PayaraMicro("payara-micro-5", Path.of(System.getProperty("it.payara5Jar")), port);
        start(server, Path.of(System.getProperty("it.sampleJavaxWar")), port, "sample-javax");
    }
}
