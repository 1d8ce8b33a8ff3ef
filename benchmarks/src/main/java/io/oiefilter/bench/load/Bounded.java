package io.oiefilter.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a task a bounded number of times on a bounded number of threads, and stops starting new ones at a deadline. */
final class Bounded {
    /** What a task does once: its index. */
    @FunctionalInterface
    interface Task {
        void run(int index) throws Exception;
    }

    /** How it went: how many ran to the end, and the first failures' messages. */
    record Outcome(int done, int failed, List<String> failures, long wallNanos) {
    }

    private Bounded() {
    }

    static Outcome run(int count, int concurrency, Duration limit, Task task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "bench-driver");
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < concurrency; w++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                    try {
                        task.run(i);
                        done.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 5) {
                            failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(limit.toSeconds() + 120, TimeUnit.SECONDS)) { // each request has its own timeout too
            pool.shutdownNow();
        }
        return new Outcome(done.get(), failed.get(), List.copyOf(failures), System.nanoTime() - start);
    }
}
