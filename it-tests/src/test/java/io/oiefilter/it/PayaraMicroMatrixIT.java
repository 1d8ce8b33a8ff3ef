package io.oiefilter.it;

import io.oiefilter.it.servers.PayaraMicro;
import io.oiefilter.it.servers.ServerProcess;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

/** The core journeys on Payara Micro 6, started as a plain process like every other server of the matrix. */
class PayaraMicroMatrixIT extends CoreJourneys {
    @BeforeAll
    static void startPayara() throws Exception {
        int port = ServerProcess.freePort();
        PayaraMicro server = new PayaraMicro("payara-micro-6", Path.of(System.getProperty("it.payaraJar")), port);
        start(server, Path.of(System.getProperty("it.sampleWar")), port, "sample");
    }
}
