package io.oiefilter.it.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Apache Tomcat (any version: 11 and 10.1 for Jakarta EE, 9 for Java EE 8) from its distribution folder, run
 * as {@code catalina.sh run} would run it: one JVM, {@code org.apache.catalina.startup.Bootstrap}, so its PID is
 * Tomcat's. The distribution stays untouched ({@code catalina.home}); each start gets a fresh
 * {@code catalina.base} under {@code target/servers/} holding the distribution's {@code conf}, our own
 * {@code server.xml} (HTTP on 127.0.0.1 only, no shutdown port, no AJP), the extra server libraries in its
 * {@code lib/} (Tomcat's common class path) and the WARs, copied unchanged, in its {@code webapps/}.
 */
public final class Tomcat implements AppServer {
    private final String name;
    private final Path home;
    private final List<Path> serverLibraries;
    private final int httpPort;
    private Path base;
    private ServerProcess process;

    /**
     * @param home            a Tomcat distribution (the folder with {@code bin/bootstrap.jar})
     * @param serverLibraries jars, or folders of jars, the server needs beyond its own (e.g. a JAX-RS implementation)
     */
    public Tomcat(String name, Path home, List<Path> serverLibraries, int httpPort) {
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
        base = prepareBase(wars);
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.java(), "-Xmx512m",
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djava.protocol.handler.pkgs=org.apache.catalina.webresources",
                // as catalina.sh: lets Tomcat's memory-leak protection reach into these packages
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED"));
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-classpath", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator
                        + home.resolve("bin/tomcat-juli.jar"),
                "-Dcatalina.home=" + home, "-Dcatalina.base=" + base, "-Djava.io.tmpdir=" + base.resolve("temp"),
                "org.apache.catalina.startup.Bootstrap", "start"));
        process = ServerProcess.start(name, cmd, Map.of(), base);
        for (Path war : wars) {
            process.awaitAnswer(base(ServerFiles.contextRoot(war)), Duration.ofSeconds(240));
        }
        process.requireInLog("[\"http-nio-127.0.0.1-" + httpPort + "\"]", "HTTP connector on 127.0.0.1:" + httpPort + " only");
    }

    /** A fresh {@code catalina.base}: the distribution's conf with our server.xml, the extra libraries, the WARs. */
    private Path prepareBase(List<Path> wars) throws IOException {
        Path base = ServerFiles.fresh(ServerProcess.logDirectory().resolve(name + "-base"));
        for (String dir : List.of("conf", "lib", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            ServerFiles.copyInto(conf.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("server.xml")).toList(), base.resolve("conf"));
        }
        Files.writeString(base.resolve("conf/server.xml"), serverXml());
        ServerFiles.copyInto(ServerFiles.jars(serverLibraries), base.resolve("lib"));
        ServerFiles.copyInto(wars, base.resolve("webapps"));
        return base;
    }

    /** One HTTP connector on 127.0.0.1; port -1: no shutdown port (the tests stop Tomcat by its PID); no AJP. */
    private String serverXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="-1" shutdown="SHUTDOWN">
                  <Service name="Catalina">
                    <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000"/>
                    <Engine name="Catalina" defaultHost="localhost">
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false"/>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(httpPort);
    }

    @Override
    public URI base(String contextRoot) {
        return URI.create("http://localhost:" + httpPort + "/" + contextRoot + "/");
    }

    /** Where the server's own jars are: the distribution's bin and lib, and the base's lib (the extra libraries). */
    public List<Path> libraryFolders() {
        return List.of(home.resolve("bin"), home.resolve("lib"), base.resolve("lib"));
    }

    /** The server's console log (Tomcat's own files are in the base's {@code logs/}). */
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
