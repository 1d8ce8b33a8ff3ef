package io.oiefilter.it.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * WildFly (the {@code wildfly-dist} zip the build unpacks under {@code target/servers/}) with its
 * non-HA {@code standalone.xml}: no JGroups, no multicast. Each start gets a fresh copy of
 * {@code standalone/} as its {@code jboss.server.base.dir} (a known state), every interface on
 * 127.0.0.1 (public and management), its ports picked free on 127.0.0.1. The JVM is launched
 * straight from {@code jboss-modules.jar} (no script in between), so the process is the server.
 *
 * <p>Configuration the server needs beyond the stock file (a security domain, a subsystem
 * attribute) is given as jboss-cli commands ({@link #configure}), applied offline with
 * {@code embed-server} to the fresh copy before each start.
 */
public final class WildFly implements AppServer {
    /** What the build unpacked: {@code it.wildflyHome} (set by failsafe). */
    public static final String HOME_PROPERTY = "it.wildflyHome";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    /**
     * What an application's own Jakarta Security mechanism (the filter's container security mode) needs:
     * the default {@code other} application security domain leaves the identity to the mechanism instead
     * of checking it against WildFly's own users (WildFly's "integrated JASPI").
     */
    public static final String JAKARTA_SECURITY =
            "/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)";

    private final String name;
    private final Path home;
    private final int httpPort;
    private final List<String> cliCommands = new ArrayList<>();
    private ServerProcess process;

    public WildFly(String name, Path home, int httpPort) {
        this.name = name;
        this.home = home;
        this.httpPort = httpPort;
    }

    /** The WildFly the build installed, HTTP on {@code httpPort}. */
    public static WildFly installed(String name, int httpPort) {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || !Files.isRegularFile(Path.of(home, "jboss-modules.jar"))) {
            throw new IllegalStateException(HOME_PROPERTY + " (" + home + ") is not a WildFly: run through mvn verify, which unpacks it");
        }
        return new WildFly(name, Path.of(home), httpPort);
    }

    /**
     * Adds jboss-cli commands (one per entry, e.g.
     * {@code /subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)})
     * run offline against the fresh configuration before every start; a failing command fails the start.
     */
    public WildFly configure(String... commands) {
        cliCommands.addAll(List.of(commands));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(List<Path> wars, Map<String, String> systemProperties) throws Exception {
        Path serverBase = freshBase();
        List<String> jvm = jvmOptions(serverBase);
        if (!cliCommands.isEmpty()) {
            WildFlyCli.runOffline(name, home, serverBase, jvm, cliCommands);
        }
        Path deployments = serverBase.resolve("deployments");
        for (Path war : wars) {
            Files.copy(war, deployments.resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ServerProcess.java());
        cmd.add("-D[Standalone]"); // as standalone.sh: marks the process in ps
        cmd.addAll(jvm);
        cmd.addAll(List.of("-Xms64m", "-Xmx512m",
                "-Dorg.jboss.boot.log.file=" + serverBase.resolve("log/server.log"),
                "-Dlogging.configuration=" + serverBase.resolve("configuration/logging.properties").toUri()));
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", home.resolve("jboss-modules.jar").toString(), "-mp", home.resolve("modules").toString(),
                "org.jboss.as.standalone", "-Djboss.home.dir=" + home, "--server-config=standalone.xml"));
        process = ServerProcess.start(name, cmd, Map.of(), serverBase);
        for (Path war : wars) {
            awaitDeployed(deployments, war.getFileName().toString());
            process.awaitAnswer(base(contextRoot(war)), START_TIMEOUT);
        }
    }

    /** A copy of the distribution's {@code standalone/} folder (configuration and an empty deployments folder). */
    private Path freshBase() throws IOException {
        Path base = ServerProcess.logDirectory().resolve(name + "-base");
        if (Files.exists(base)) {
            try (var files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path configuration = home.resolve("standalone/configuration");
        try (var files = Files.walk(configuration)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = base.resolve("configuration").resolve(configuration.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Files.createDirectories(base.resolve("deployments"));
        Files.createDirectories(base.resolve("log"));
        return base;
    }

    /**
     * JVM options for the server and the offline CLI alike: standalone.sh's module opens for a
     * modular JDK and its serialisation filter, and every socket on 127.0.0.1 at a free port.
     */
    private List<String> jvmOptions(Path base) throws IOException {
        return List.of(
                "--add-exports=java.desktop/sun.awt=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.url.ldap=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.url.ldaps=ALL-UNNAMED",
                "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.management/javax.management=ALL-UNNAMED",
                "--add-opens=java.naming/javax.naming=ALL-UNNAMED",
                "-Djdk.serialFilter=maxbytes=10485760;maxdepth=128;maxarray=100000;maxrefs=300000",
                "-Djava.net.preferIPv4Stack=true",
                "-Djava.awt.headless=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman",
                "-Djboss.server.base.dir=" + base,
                // standalone.xml's two interfaces (public, management) and the sockets it opens
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + httpPort,
                "-Djboss.https.port=" + ServerProcess.freePort(),
                "-Djboss.management.http.port=" + ServerProcess.freePort(),
                "-Djboss.management.https.port=" + ServerProcess.freePort());
    }

    /** Waits for the deployment scanner's marker: {@code .deployed}, or {@code .failed} (thrown, with WildFly's reason). */
    private void awaitDeployed(Path deployments, String war) throws IOException, InterruptedException {
        Path deployed = deployments.resolve(war + ".deployed");
        Path failed = deployments.resolve(war + ".failed");
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(deployed)) {
            if (Files.exists(failed)) {
                throw new IllegalStateException(name + ": " + war + " failed to deploy: " + Files.readString(failed)
                        + "; see " + process.log());
            }
            if (!ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException(name + " exited before " + war + " was deployed; see " + process.log());
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(name + ": " + war + " not deployed in " + START_TIMEOUT.toSeconds()
                        + " s; see " + process.log());
            }
            Thread.sleep(300);
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
