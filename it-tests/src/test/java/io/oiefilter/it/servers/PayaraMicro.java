package io.oiefilter.it.servers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro (6 for Jakarta EE 10, 5 for Java EE 8) from its jar in the local Maven repository:
 * HTTP bound to 127.0.0.1 (preboot file), no phone-home (Payara's and Hazelcast's), no multicast (a
 * tcpip cluster of one on 127.0.0.1), a fresh root folder under {@code target/servers/} each start.
 */
public final class PayaraMicro implements AppServer {
    private final String name;
    private final Path jar;
    private final int httpPort;
    private List<String> options = List.of();
    private ServerProcess process;

    public PayaraMicro(String name, Path jar, int httpPort) {
        this.name = name;
        this.jar = jar;
        this.httpPort = httpPort;
    }

    /** Payara Micro options added to the harness's own, e.g. {@code --postbootcommandfile F} or {@code --secretsdir D}. */
    public PayaraMicro withOptions(String... more) {
        this.options = List.of(more);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(List<Path> wars, Map<String, String> systemProperties) throws Exception {
        Path root = ServerProcess.logDirectory().resolve(name + "-root");
        if (Files.exists(root)) {
            try (var files = Files.walk(root)) { // a known state: Payara keeps configuration in its root folder
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(root);
        int hazelcast = ServerProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.java(), "-Xmx512m", "-Dhazelcast.phone.home.enabled=false",
                "-Dhazelcast.socket.bind.any=false"));
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString(), "--port", String.valueOf(httpPort), "--disablephonehome",
                "--prebootcommandfile", System.getProperty("it.preboot"),
                "--clustermode", "tcpip:127.0.0.1:" + hazelcast, "--interfaces", "127.0.0.1", "--startport",
                String.valueOf(hazelcast), "--clustername", name + "-" + hazelcast, "--rootdir", root.toString()));
        cmd.addAll(options);
        for (Path war : wars) {
            cmd.addAll(List.of("--deploy", war.toString()));
        }
        process = ServerProcess.start(name, cmd, Map.of("HZ_PHONE_HOME_ENABLED", "false"), root);
        for (Path war : wars) {
            process.awaitAnswer(base(contextRoot(war)), Duration.ofSeconds(240));
        }
    }

    static String contextRoot(Path war) {
        String file = war.getFileName().toString();
        return file.endsWith(".war") ? file.substring(0, file.length() - 4) : file;
    }

    @Override
    public URI base(String contextRoot) {
        return URI.create("http://localhost:" + httpPort + "/" + contextRoot + "/");
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
