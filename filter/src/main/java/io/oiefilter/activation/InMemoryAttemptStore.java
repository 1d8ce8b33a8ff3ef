package io.oiefilter.activation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The default store: fixed windows in this JVM's memory (one node's view in a cluster). */
public final class InMemoryAttemptStore implements AttemptStore {
    private static final int MAX_KEYS = 100_000;

    private record Window(Instant start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryAttemptStore() {
        this(Clock.systemUTC());
    }

    /** With the given clock (tests move time on). */
    public InMemoryAttemptStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int hit(String key, Duration window) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window))); // bounded memory
        }
        return windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1)).count();
    }

    @Override
    public void release(String key, Duration window) {
        Instant now = clock.instant();
        windows.computeIfPresent(key, (k, w) -> !now.isBefore(w.start().plus(window)) || w.count() <= 0
                ? w : new Window(w.start(), w.count() - 1));
    }
}
