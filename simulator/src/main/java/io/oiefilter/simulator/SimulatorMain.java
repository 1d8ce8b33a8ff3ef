package io.oiefilter.simulator;

import io.oiefilter.simulator.org.Org;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone: {@code java -jar oie-simulator-standalone.jar [--port 9080] [--seed seed.json]}.
 * Prints the issuer and runs until stopped.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 9080;
        Path seed = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: java -jar oie-simulator-standalone.jar [--port N] [--seed file.json]");
                    System.exit(2);
                }
            }
        }
        Org org = seed == null ? Org.defaultSeed() : Org.fromSeed(seed);
        Simulator sim = Simulator.start(org, port);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop));
        System.out.println("oie-simulator ready: issuer " + sim.issuer());
        new CountDownLatch(1).await();
    }
}
