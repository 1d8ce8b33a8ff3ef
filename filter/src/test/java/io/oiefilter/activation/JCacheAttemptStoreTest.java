package io.oiefilter.activation;

import org.junit.jupiter.api.Test;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counts in a real JCache provider (Caffeine's), shared by every store on the same cache, as nodes of a cluster are. */
class JCacheAttemptStoreTest {
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void nodesShareCountsAndWindowsStartAgain() {
        CacheManager manager = Caching.getCachingProvider().getCacheManager();
        String name = "attempts-" + System.nanoTime();
        JCacheAttemptStore nodeA = new JCacheAttemptStore(manager, name, Duration.ofHours(1), clock);
        JCacheAttemptStore nodeB = new JCacheAttemptStore(manager, name, Duration.ofHours(1), clock);
        Duration window = Duration.ofMinutes(60);

        assertEquals(1, nodeA.hit("login:pat@example.com", window));
        assertEquals(2, nodeB.hit("login:pat@example.com", window), "the other node sees the first attempt");
        assertEquals(1, nodeB.hit("address:192.0.2.1", window), "keys are counted apart");

        now.addAndGet(window.toMillis());
        assertEquals(1, nodeA.hit("login:pat@example.com", window), "a new window");
        manager.destroyCache(name);
    }
}
