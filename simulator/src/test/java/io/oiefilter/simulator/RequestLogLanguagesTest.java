package io.oiefilter.simulator;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The languages the log keeps per endpoint stay bounded, however many distinct headers arrive at once. */
class RequestLogLanguagesTest {

    @Test
    void distinctHeadersSentInParallelKeepAtMost32PerEndpointAndEachKnownOneCounts() throws Exception {
        RequestLog log = new RequestLog();
        log.language("identify", "de");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < 500; i++) {
                String header = "x-" + i;
                pool.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    log.language("identify", header);
                    log.language("identify", "de");
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        Map<String, Integer> identify = log.languageSnapshot().get("identify");
        assertEquals(32, identify.size(), "bounded: " + identify.size());
        assertEquals(501, identify.get("de"), "a language already kept is still counted");
        log.language("identify", null);
        assertNull(log.languageSnapshot().get("identify").get(""), "no room left for a new one, not even none");
    }
}
