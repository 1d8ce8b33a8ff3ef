package io.oiefilter.it.servers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jetty 12 (the ee10 environment: Jakarta EE 10) from its {@code jetty-home} distribution, run by
 * {@code start.jar} in its own JVM (none of the modules below forks another, so the PID is Jetty's). The
 * distribution stays untouched; each start gets a fresh {@code jetty.base} under {@code target/servers/} with
 * the WARs, copied unchanged, in {@code webapps/} and the extra server libraries in {@code lib/ee10/ext/} (the
 * {@code ee10-ext} module: the ee10 class path, beside Jetty's Servlet API). HTTP listens on 127.0.0.1 only;
 * Jetty opens no other port.
 */
public final class Jetty implements AppServer {
    /** Web apps from webapps/, with annotations (for container initialisers such as JAX-RS's) and JSP. */
    static final String MODULES = "server,http,ee10-deploy,ee10-annotations,ee10-jsp,ee10-ext";

    private final String name;
    private final Path home;
    private final List<Path> serverLibraries;
    private final int httpPort;
    private Path base;
    private ServerProcess process;

    /**
     * @param home            a {@code jetty-home} distribution (the folder with {@code start.jar})
     * @param serverLibraries jars, or folders of jars, the web apps need from the server (e.g. a JAX-RS implementation)
     */
    public Jetty(String name, Path home, List<Path> serverLibraries, int httpPort) {
        this.name = name;
        this.home = home;
        this.serverLibraries = List.copyOf(serverLibraries);
        this.httpPort = httpPort;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(List<Path> wars, Map<String, String> systemProperties) throws Exception {
        base = ServerFiles.fresh(ServerProcess.logDirectory().resolve(name + "-base"));
        for (String dir : List.of("webapps", "environments", "lib/ee10/ext", "temp", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        ServerFiles.copyInto(ServerFiles.jars(serverLibraries), base.resolve("lib/ee10/ext"));
        ServerFiles.copyInto(wars, base.resolve("webapps"));

        List<String> cmd = new ArrayList<>(List.of(ServerProcess.java(), "-Xmx512m",
                "-Djava.io.tmpdir=" + base.resolve("temp")));
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        // The server's properties before --module: start.jar gives those after an ee10 module to that environment.
        cmd.addAll(List.of("-jar", home.resolve("start.jar").toString(), "jetty.home=" + home, "jetty.base=" + base,
                "jetty.http.host=127.0.0.1", "jetty.http.port=" + httpPort, "--module=" + MODULES));
        process = ServerProcess.start(name, cmd, Map.of(), base);
        for (Path war : wars) {
            process.awaitAnswer(base(ServerFiles.contextRoot(war)), Duration.ofSeconds(240));
        }
        process.requireInLog("{127.0.0.1:" + httpPort + "}", "HTTP connector on 127.0.0.1:" + httpPort + " only");
    }

    @Override
    public URI base(String contextRoot) {
        return URI.create("http://localhost:" + httpPort + "/" + contextRoot + "/");
    }

    /** Where the server's own jars are: the distribution's start.jar and lib, and the base's lib (the extra libraries). */
    public List<Path> libraryFolders() {
        return List.of(home.resolve("start.jar"), home.resolve("lib"), base.resolve("lib"));
    }

    /** The server's log (Jetty logs to the console). */
    public Path log() {
        return ServerProcess.logDirectory().resolve(name + ".log");
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
