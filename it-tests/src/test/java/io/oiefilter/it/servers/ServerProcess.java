package io.oiefilter.it.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server's JVM as the tests run it: output to a log file under {@code target/servers/}, ready when
 * an URL answers, stopped by PID (the process and its descendants: SIGTERM, then SIGKILL after 20 s).
 */
public final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir} with these variables added to the environment. */
    public static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path workDir)
            throws IOException {
        Path log = logDirectory().resolve(name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        return new ServerProcess(name, pb.start(), log);
    }

    /** Where every server's log goes: {@code it-tests/target/servers/}. */
    public static Path logDirectory() {
        return Path.of(System.getProperty("it.screenshots", "target/screenshots")).getParent().resolve("servers");
    }

    /** A free TCP port on 127.0.0.1 (free now: the server takes it a moment later). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The JVM the tests run on, for servers started as a plain {@code java} command. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Waits until {@code url} answers with a status below 500 (any page of a deployed app does), or
     * the process ends, or the time is up: then throws, naming the log.
     */
    public void awaitAnswer(URI url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        long end = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before " + url
                        + " answered; see " + log);
            }
            try {
                last = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last < 500 && last != 404) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + ": " + url + " did not answer in " + timeout.toSeconds()
                + " s (last status " + last + "); see " + log);
    }

    /**
     * Checks the server's log says {@code text} (e.g. the address its connector is bound to); otherwise stops
     * the server and throws, naming {@code what} was expected and the log.
     */
    public void requireInLog(String text, String what) throws IOException {
        if (!new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8).contains(text)) { // lenient: any bytes
            close();
            throw new IllegalStateException(name + ": expected " + what + " (\"" + text + "\" in the log); see " + log);
        }
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
