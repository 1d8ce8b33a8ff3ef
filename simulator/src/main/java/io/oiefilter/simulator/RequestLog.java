package io.oiefilter.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts calls per endpoint, so tests can see which round trips a flow made. */
public final class RequestLog {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public void count(String endpoint) {
        counts.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
    }

    public int countOf(String endpoint) {
        AtomicInteger c = counts.get(endpoint);
        return c == null ? 0 : c.get();
    }

    public Map<String, Integer> snapshot() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public void reset() {
        counts.clear();
    }
}
