package io.oiefilter.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** The simulator's own time per endpoint ({@code GET /admin/requests/timing}), read before and after a measure. */
final class SimulatorTime {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final URI timing;
    private final URI counts;

    SimulatorTime(HttpClient http, URI simulator) {
        this.http = http;
        this.timing = simulator.resolve("/admin/requests/timing");
        this.counts = simulator.resolve("/admin/requests");
    }

    /**
     * Requests and nanoseconds per endpoint, once every request the simulator counted has its time added (an answer
     * reaches the client a moment before its time is added; at most one second is waited for that).
     */
    Map<String, long[]> snapshot() throws IOException, InterruptedException {
        Map<String, long[]> out = read();
        for (int tries = 0; tries < 200 && out.values().stream().mapToLong(v -> v[0]).sum() < counted(); tries++) {
            Thread.sleep(5);
            out = read();
        }
        return out;
    }

    private Map<String, long[]> read() throws IOException, InterruptedException {
        Map<String, long[]> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = get(timing).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), new long[] {e.getValue().path("requests").asLong(), e.getValue().path("nanos").asLong()});
        }
        return out;
    }

    /** Requests counted as they arrived ({@code /admin/requests}). */
    private long counted() throws IOException, InterruptedException {
        long n = 0;
        for (JsonNode c : get(counts)) {
            n += c.asLong();
        }
        return n;
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(uri + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    /** What was added between two snapshots, per endpoint. */
    static Map<String, long[]> delta(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> out = new TreeMap<>();
        after.forEach((endpoint, now) -> {
            long[] was = before.getOrDefault(endpoint, new long[2]);
            if (now[0] != was[0]) {
                out.put(endpoint, new long[] {now[0] - was[0], now[1] - was[1]});
            }
        });
        return out;
    }

    static long totalNanos(Map<String, long[]> d) {
        return d.values().stream().mapToLong(v -> v[1]).sum();
    }
}
