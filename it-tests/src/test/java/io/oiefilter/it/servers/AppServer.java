package io.oiefilter.it.servers;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One application server the matrix runs the sample on: installed by the build (from Maven Central,
 * under {@code target/}), started by the test on 127.0.0.1 only, stopped by its PID.
 * A new server is one class implementing this.
 */
public interface AppServer extends AutoCloseable {

    /** A short name for logs and folders, e.g. {@code tomcat-10.1}. */
    String name();

    /**
     * Starts the server with these WARs, each at the context root of its file name (without
     * {@code .war}), the server's JVM given these system properties. Returns once every app answers
     * HTTP; throws, with where the server's log is, when it does not in time.
     */
    void start(List<Path> wars, Map<String, String> systemProperties) throws Exception;

    /** An app's base URL, {@code http://localhost:PORT/CONTEXT/} (ending in a slash). */
    URI base(String contextRoot);

    /** What the server's process printed (its console, where the applications' log lines go too). */
    default Path consoleLog() {
        return ServerProcess.logDirectory().resolve(name() + ".log");
    }

    /** Stops the server (its process and the processes it started), by PID. Safe to call twice. */
    @Override
    void close();
}
