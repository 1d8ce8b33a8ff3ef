package io.oiefilter.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One journey of a script in {@code src/test/node} (installed with its npm packages into
 * {@code target/node-clients} by the build), run by Node as a separate process. The script prints one
 * JSON line: what the client saw. Bounded in time, and stopped by its own PID when it overruns.
 */
final class NodeJourney {
    static final Path CLIENTS = Path.of(System.getProperty("it.nodeClients", "target/node-clients"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeJourney() {
    }

    static JsonNode run(String script, String journey, Map<String, String> env) throws IOException, InterruptedException {
        if (!Files.isDirectory(CLIENTS.resolve("node_modules"))) {
            throw new IllegalStateException(CLIENTS + "/node_modules is missing: the build installs it with npm ci"
                    + " (run the README's test command, which needs Node 20 and npm)");
        }
        Path out = Files.createTempFile("oie-node-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of("node", script, journey)).directory(CLIENTS.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process node = pb.start();
            if (!node.waitFor(90, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError(journey + " did not end within 90 s: " + Files.readString(out));
            }
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            String last = printed.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(journey + " printed no result:\n" + printed));
            return JSON.readTree(last);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
