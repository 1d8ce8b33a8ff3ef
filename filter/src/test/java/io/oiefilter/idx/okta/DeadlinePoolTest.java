package io.oiefilter.idx.okta;

import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bound on calls to Okta: slots, the wait for one, the deadline around both, under parallel use. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeadlinePoolTest {

    /** Runs a call on another thread that holds its slot until {@code release} opens; returns once it holds it. */
    private static Future<String> holdSlot(DeadlinePool pool, CountDownLatch release, ExecutorService callers) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        Future<String> held = callers.submit(() -> pool.run("holder", () -> {
            holding.countDown();
            release.await();
            return "done";
        }));
        assertTrue(holding.await(30, TimeUnit.SECONDS), "the first call got its slot");
        return held;
    }

    @Test
    void aFullPoolRefusesAsBusyAfterItsWaitWhileTheSlotIsStillHeld() throws Exception {
        ExecutorService callers = Executors.newCachedThreadPool();
        try (DeadlinePool pool = new DeadlinePool(Duration.ofSeconds(30), 1, Duration.ofMillis(200))) {
            CountDownLatch release = new CountDownLatch(1);
            Future<String> held = holdSlot(pool, release, callers);
            AtomicInteger sent = new AtomicInteger();

            IdxException e = assertThrows(IdxException.class, () -> pool.run("identify", sent::incrementAndGet));
            assertEquals(Kind.BUSY, e.kind(), e.getMessage());
            assertEquals(0, sent.get(), "a refused call is never sent");
            assertFalse(held.isDone(), "refused while the only slot was still taken: it did not wait for the slot");
            assertTrue(e.getMessage().contains("oie.okta.maxConcurrentCalls"), "the log line names the setting: " + e.getMessage());
            IdxException here = assertThrows(IdxException.class, () -> pool.runHere("interact", left -> sent.incrementAndGet()));
            assertEquals(Kind.BUSY, here.kind(), "calls on the caller's thread share the same slots");
            assertEquals(0, sent.get());

            release.countDown();
            assertEquals("done", held.get(30, TimeUnit.SECONDS));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFreedSlotIsTakenAgainAndACallerWaitingForOneGetsIt() throws Exception {
        ExecutorService callers = Executors.newCachedThreadPool();
        try (DeadlinePool pool = new DeadlinePool(Duration.ofSeconds(60), 1, Duration.ofSeconds(30))) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                assertEquals(n, pool.run("introspect", () -> n), "one slot, used again and again");
            }
            assertEquals(0, pool.inUse(), "every slot back after its call");

            CountDownLatch release = new CountDownLatch(1);
            Future<String> held = holdSlot(pool, release, callers);
            Future<String> waiting = callers.submit(() -> pool.run("identify", () -> "after the first"));
            awaitWaiting(pool, 1);
            assertFalse(waiting.isDone(), "waits for the slot rather than failing");
            release.countDown();
            assertEquals("done", held.get(30, TimeUnit.SECONDS));
            assertEquals("after the first", waiting.get(30, TimeUnit.SECONDS), "the freed slot goes to the waiting call");
            assertEquals(0, pool.inUse());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theWaitForASlotCountsInTheDeadline() throws Exception {
        Duration deadline = Duration.ofSeconds(60);
        ExecutorService callers = Executors.newCachedThreadPool();
        try (DeadlinePool pool = new DeadlinePool(deadline, 1, Duration.ofSeconds(30))) {
            CountDownLatch release = new CountDownLatch(1);
            Future<String> held = holdSlot(pool, release, callers);
            AtomicLong left = new AtomicLong();
            Future<String> waiting = callers.submit(() -> pool.runHere("interact", l -> {
                left.set(l.toNanos());
                return "sent";
            }));
            awaitWaiting(pool, 1);
            long waitingSince = System.nanoTime(); // the call began before this
            Thread.sleep(300);
            long freed = System.nanoTime(); // and got its slot after this
            release.countDown();
            assertEquals("sent", waiting.get(30, TimeUnit.SECONDS));
            held.get(30, TimeUnit.SECONDS);
            assertTrue(left.get() <= deadline.toNanos() - (freed - waitingSince),
                    "the call had its deadline less its wait: " + Duration.ofNanos(left.get()));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aCallWithNoAnswerEndsAtTheDeadlineAndItsHeldSlotMakesOktaUnavailableNotBusy() throws Exception {
        CountDownLatch okta = new CountDownLatch(1);
        try (DeadlinePool pool = new DeadlinePool(Duration.ofMillis(300), 1, Duration.ofMillis(100))) {
            IdxException timedOut = assertThrows(IdxException.class, () -> pool.run("identify", () -> {
                while (okta.getCount() > 0) { // a call that ignores interruption, as a blocked socket read does
                    try {
                        okta.await();
                    } catch (InterruptedException ignored) {
                        // the SDK's HTTP client goes on reading
                    }
                }
                return "late";
            }));
            assertEquals(Kind.UNAVAILABLE, timedOut.kind(), timedOut.getMessage());
            assertEquals(1, pool.inUse(), "the unanswered call keeps its slot (and its thread) until it ends");

            IdxException refused = assertThrows(IdxException.class, () -> pool.run("introspect", () -> "x"));
            assertEquals(Kind.UNAVAILABLE, refused.kind(), "a slot held past the deadline is Okta's silence: " + refused.getMessage());

            okta.countDown();
            awaitInUse(pool, 0);
            assertEquals("x", pool.run("introspect", () -> "x"), "Okta answered at last: its slot is free again");
        }
    }

    @Test
    void parallelCallsNeverExceedTheSlotsAndLeaveNoneTaken() throws Exception {
        int slots = 4;
        int callers = 48;
        int callsEach = 20;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try (DeadlinePool pool = new DeadlinePool(Duration.ofSeconds(60), slots, Duration.ofSeconds(30))) {
            CyclicBarrier start = new CyclicBarrier(callers);
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                boolean here = c % 2 == 0;
                all.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < callsEach; i++) {
                        try {
                            if (here) {
                                pool.runHere("interact", left -> busyFor(running, most));
                            } else {
                                pool.run("identify", () -> busyFor(running, most));
                            }
                            outcomes.computeIfAbsent("ok", k -> new AtomicInteger()).incrementAndGet();
                        } catch (IdxException e) {
                            outcomes.computeIfAbsent(e.kind().name(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(100, TimeUnit.SECONDS);
            }
            assertTrue(most.get() <= slots, "at most " + slots + " calls at once, saw " + most.get());
            assertEquals(Map.of("ok", callers * callsEach), plain(outcomes), "a burst waits for slots instead of failing");
            assertEquals(0, pool.inUse(), "no slot lost");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void callsAbandonedAtTheirDeadlineInAnyPhaseGiveEverySlotBack() throws Exception {
        int slots = 2;
        int callers = 24;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        try (DeadlinePool pool = new DeadlinePool(Duration.ofMillis(20), slots, Duration.ofMillis(5))) {
            CyclicBarrier start = new CyclicBarrier(callers);
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                all.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        try {
                            pool.run("answer", () -> {
                                Thread.sleep(ThreadLocalRandom.current().nextInt(30)); // some end in time, some do not
                                return null;
                            });
                            outcomes.computeIfAbsent("ok", k -> new AtomicInteger()).incrementAndGet();
                        } catch (IdxException e) {
                            outcomes.computeIfAbsent(e.kind().name(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(100, TimeUnit.SECONDS);
            }
            assertEquals(callers * 40, plain(outcomes).values().stream().mapToInt(Integer::intValue).sum(), "every call answered");
            assertTrue(plain(outcomes).keySet().stream().allMatch(k -> k.equals("ok") || k.equals("BUSY") || k.equals("UNAVAILABLE")),
                    plain(outcomes).toString());
            awaitInUse(pool, 0);
            assertEquals(0, pool.inUse(), "finished, refused and abandoned calls all gave their slot back: " + plain(outcomes));
            assertTrue(pool.mostThreads() <= slots, "never more threads than slots: " + pool.mostThreads());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCallAfterTheApplicationStoppedIsUnavailableAndLeavesItsSlotFree() throws Exception {
        DeadlinePool pool = new DeadlinePool(Duration.ofSeconds(30), 1, Duration.ofMillis(100));
        pool.close();
        for (int i = 0; i < 3; i++) {
            IdxException e = assertThrows(IdxException.class, () -> pool.run("introspect", () -> "x"));
            assertEquals(Kind.UNAVAILABLE, e.kind(), "not BUSY: the slot it took is given back, " + e.getMessage());
        }
        assertEquals(0, pool.inUse());
    }

    private static Object busyFor(AtomicInteger running, AtomicInteger most) {
        int now = running.incrementAndGet();
        most.accumulateAndGet(now, Math::max);
        try {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a moment in flight, for others to overlap
            return null;
        } finally {
            running.decrementAndGet();
        }
    }

    private static Map<String, Integer> plain(Map<String, AtomicInteger> counts) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private static void awaitWaiting(DeadlinePool pool, int callers) throws InterruptedException {
        for (int i = 0; i < 3000 && pool.waiting() < callers; i++) {
            Thread.sleep(10);
        }
        assertEquals(callers, pool.waiting(), "callers waiting for a slot");
    }

    private static void awaitInUse(DeadlinePool pool, int slots) throws InterruptedException {
        for (int i = 0; i < 3000 && pool.inUse() != slots; i++) {
            Thread.sleep(10);
        }
    }
}
