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
        banner(sim).forEach(System.out::println);
        new CountDownLatch(1).await();
    }

    /** What a person needs to point their app at the org: its URLs, its apps and trusted origins, its users. */
    static java.util.List<String> banner(Simulator sim) {
        String base = sim.baseUri();
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(
                "  discovery        " + sim.issuer() + "/.well-known/openid-configuration",
                "  outbox           " + base + "/admin/outbox.html   (the org's emails: codes and activation links)"));
        for (var app : sim.org().apps()) {
            lines.add("  app              " + app.clientId() + (app.confidential() ? " (confidential)" : " (public)")
                    + " redirect URIs " + app.redirectUris());
        }
        for (var origin : sim.org().trustedOrigins()) {
            lines.add("  trusted origin   " + origin.origin() + " " + origin.scopes().stream().sorted().toList());
        }
        lines.add("  add an origin    curl -X POST " + base + "/admin/trusted-origins -d '{\"origin\":\"http://localhost:3000\"}'");
        for (var user : sim.org().users()) {
            lines.add("  user             " + user.login() + " (" + user.status() + ")");
        }
        return lines;
    }
}
