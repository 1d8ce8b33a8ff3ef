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
import java.util.stream.Stream;

/**
 * Apache Tomcat from its distribution (unpacked by the build under {@code target/servers/}), with a fresh
 * CATALINA_BASE under {@code target/servers/NAME-base} each start: the distribution's {@code conf/} but our
 * own {@code server.xml} (one HTTP connector on 127.0.0.1, no shutdown port, no AJP), the server libraries
 * Tomcat lacks (JAX-RS, JSTL) in its {@code lib/}, the WARs in {@code webapps/}. Started as a plain
 * {@code java} process (not catalina.sh, which would fork) so it is stopped by its PID.
 */
public final class Tomcat implements AppServer {
    /** What catalina.sh opens on Java 9+, so Tomcat's leak prevention works as it does there. */
    private static final List<String> OPENS = List.of("java.base/java.lang", "java.base/java.lang.invoke",
            "java.base/java.lang.reflect", "java.base/java.io", "java.base/java.util", "java.base/java.util.concurrent",
            "java.rmi/sun.rmi.transport");

    private final String name;
    private final Path home;
    private final Path serverLibs;
    private final int httpPort;
    private ServerProcess process;

    /** Tomcat {@code name} from the distribution at {@code home}, with every jar of {@code serverLibs} in its lib/. */
    public Tomcat(String name, Path home, Path serverLibs, int httpPort) {
        this.name = name;
        this.home = home;
        this.serverLibs = serverLibs;
        this.httpPort = httpPort;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(List<Path> wars, Map<String, String> systemProperties) throws Exception {
        Path base = freshBase();
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.java(), "-Xmx512m"));
        OPENS.forEach(o -> cmd.add("--add-opens=" + o + "=ALL-UNNAMED"));
        cmd.addAll(List.of("-Dcatalina.home=" + home, "-Dcatalina.base=" + base, "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties")));
        systemProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-cp", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                "org.apache.catalina.startup.Bootstrap", "start"));
        for (Path war : wars) {
            Files.copy(war, base.resolve("webapps").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        process = ServerProcess.start(name, cmd, Map.of(), base);
        for (Path war : wars) {
            process.awaitAnswer(base(PayaraMicro.contextRoot(war)), Duration.ofSeconds(240));
        }
    }

    /** A CATALINA_BASE of its own, as new: nothing from an earlier start (sessions, compiled JSPs, logs). */
    private Path freshBase() throws IOException {
        Path base = ServerProcess.logDirectory().resolve(name + "-base");
        if (Files.exists(base)) {
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        for (String dir : List.of("conf", "lib", "webapps", "logs", "temp", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        for (String conf : List.of("web.xml", "context.xml", "catalina.properties", "logging.properties")) {
            Files.copy(home.resolve("conf").resolve(conf), base.resolve("conf").resolve(conf));
        }
        Files.writeString(base.resolve("conf/server.xml"), serverXml());
        try (Stream<Path> jars = Files.list(serverLibs)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, base.resolve("lib").resolve(jar.getFileName()));
            }
        }
        return base;
    }

    /** Loopback only: one HTTP connector on 127.0.0.1, the shutdown port off, no AJP; WARs deployed once, at start. */
    private String serverXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="-1" shutdown="SHUTDOWN">
                  <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
                  <Service name="Catalina">
                    <Connector port="%d" address="127.0.0.1" protocol="HTTP/1.1" connectionTimeout="20000"/>
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

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
