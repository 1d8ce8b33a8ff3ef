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
    private final HttpClient http;
    private final URI timing;

    SimulatorTime(HttpClient http, URI simulator) {
        this.http = http;
        this.timing = simulator.resolve("/admin/requests/timing");
    }

    /** Requests and nanoseconds per endpoint, now. */
    Map<String, long[]> snapshot() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(timing).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the simulator's timing answered " + r.statusCode());
        }
        Map<String, long[]> out = new TreeMap<>();
        JsonNode json = new ObjectMapper().readTree(r.body());
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), new long[] {e.getValue().path("requests").asLong(), e.getValue().path("nanos").asLong()});
        }
        return out;
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
