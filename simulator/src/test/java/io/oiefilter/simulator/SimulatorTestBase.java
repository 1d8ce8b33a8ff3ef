package io.oiefilter.simulator;

import io.oiefilter.simulator.org.Org;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One simulator on a free loopback port per test class, and a client for it. */
abstract class SimulatorTestBase {
    static Simulator sim;
    static SimulatorClient client;

    @BeforeAll
    static void startSimulator() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        client = new SimulatorClient(sim);
    }

    @AfterAll
    static void stopSimulator() {
        sim.stop();
    }
}
