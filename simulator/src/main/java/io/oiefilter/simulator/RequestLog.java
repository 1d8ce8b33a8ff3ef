package io.oiefilter.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts calls per endpoint, so tests can see which round trips a flow made, and adds up the time the
 * simulator spent answering each endpoint, so a benchmark can take the org's own time out of its figures. It also
 * counts the languages each endpoint was asked to answer in ({@code Accept-Language}), as Okta words its messages in it.
 */
public final class RequestLog {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Timing> timings = new ConcurrentHashMap<>();
    private static final int MAX_LANGUAGES = 32;
    private final Map<String, Map<String, AtomicInteger>> languages = new ConcurrentHashMap<>();

    /** Requests answered and nanoseconds spent on one endpoint. */
    public record Timed(long requests, long nanos) {
    }

    private static final class Timing {
        final LongAdder requests = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    public void count(String endpoint) {
        counts.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
    }

    /** One answered request to {@code endpoint} that took {@code nanos} from its headers read to its answer sent. */
    public void time(String endpoint, long nanos) {
        Timing t = timings.computeIfAbsent(endpoint, k -> new Timing());
        t.requests.increment();
        t.nanos.add(nanos);
    }

    /** One request to {@code endpoint} with this {@code Accept-Language} (bounded; "" when it had none). */
    public void language(String endpoint, String acceptLanguage) {
        String value = acceptLanguage == null ? "" : acceptLanguage.length() > 64 ? acceptLanguage.substring(0, 64) : acceptLanguage;
        Map<String, AtomicInteger> byLanguage = languages.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>());
        AtomicInteger n = byLanguage.get(value);
        if (n == null) {
            synchronized (byLanguage) { // a client sending a new header each time stays at 32, parallel requests too
                n = byLanguage.size() < MAX_LANGUAGES ? byLanguage.computeIfAbsent(value, k -> new AtomicInteger()) : byLanguage.get(value);
            }
        }
        if (n != null) {
            n.incrementAndGet();
        }
    }

    /** The requests per endpoint and {@code Accept-Language} ("" for none), sorted. */
    public Map<String, Map<String, Integer>> languageSnapshot() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        languages.forEach((endpoint, byLanguage) -> {
            Map<String, Integer> counts = new TreeMap<>();
            byLanguage.forEach((language, n) -> counts.put(language, n.get()));
            out.put(endpoint, counts);
        });
        return out;
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

    /** Time per endpoint, sorted by name (embedded and standalone modes: the JDK server times them). */
    public Map<String, Timed> timingSnapshot() {
        Map<String, Timed> out = new TreeMap<>();
        timings.forEach((k, v) -> out.put(k, new Timed(v.requests.sum(), v.nanos.sum())));
        return out;
    }

    public void reset() {
        counts.clear();
        timings.clear();
        languages.clear();
    }
}
