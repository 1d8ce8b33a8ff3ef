package io.oiefilter.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Per-endpoint request limits in fixed windows, as Okta's X-Rate-Limit-* headers describe them. */
public final class RateLimits {
    /** The state of one endpoint's window after counting a request. */
    public record Window(int limit, int remaining, Instant reset, boolean exceeded) {
    }

    private record Limit(int limit, Duration window) {
    }

    private static final class Counter {
        Instant start;
        int count;
    }

    private final Map<String, Limit> limits = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimits(Clock clock) {
        this.clock = clock;
    }

    public void limit(String endpoint, int requests, Duration window) {
        limits.put(endpoint, new Limit(requests, window));
        counters.remove(endpoint);
    }

    public void clear() {
        limits.clear();
        counters.clear();
    }

    /** Counts one request; empty when the endpoint has no limit. */
    public Optional<Window> count(String endpoint) {
        Limit l = limits.get(endpoint);
        if (l == null) {
            return Optional.empty();
        }
        Counter c = counters.computeIfAbsent(endpoint, k -> new Counter());
        synchronized (c) {
            Instant now = clock.instant();
            if (c.start == null || !now.isBefore(c.start.plus(l.window()))) {
                c.start = now;
                c.count = 0;
            }
            c.count++;
            return Optional.of(new Window(l.limit(), Math.max(0, l.limit() - c.count), c.start.plus(l.window()), c.count > l.limit()));
        }
    }
}
