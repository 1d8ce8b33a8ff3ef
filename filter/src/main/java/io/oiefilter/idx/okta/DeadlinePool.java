package io.oiefilter.idx.okta;

import io.oiefilter.audit.OieMetrics;

import io.oiefilter.config.OieConfig;
import io.oiefilter.i18n.OktaLanguage;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxException.Kind;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs calls to Okta within a deadline, each holding one of the {@link CallSlots} from before it is
 * sent until it ends: the wait for a slot counts in the deadline, and a call Okta never answers keeps
 * its slot (and its thread) until it does, so a hung Okta holds at most {@code size} threads. SDK calls
 * run on this pool's threads (okta-idx-java 2.0.0's HTTP client has no timeout); calls with a timeout
 * of their own run on the caller's thread ({@link #runHere}).
 */
final class DeadlinePool implements AutoCloseable {

    /** A call that bounds itself, given the time left for it. */
    @FunctionalInterface
    interface Timed<T> {
        T run(Duration left) throws IdxException;
    }

    /** An answer that may be Okta's refusal (a 4xx or 5xx read as a value): timed as {@code refused}. */
    interface Answered {
        boolean refused();
    }

    private final Duration deadline;
    private final CallSlots slots;
    private final ThreadPoolExecutor pool;
    private final OieMetrics metrics;

    DeadlinePool(OieConfig config, OieMetrics metrics) {
        this(config.httpTimeout(), config.oktaMaxConcurrentCalls(), config.oktaQueueTimeout(), metrics);
    }

    DeadlinePool(Duration deadline, int size, Duration maxWait) {
        this(deadline, size, maxWait, OieMetrics.NONE);
    }

    DeadlinePool(Duration deadline, int size, Duration maxWait, OieMetrics metrics) {
        this.metrics = metrics;
        this.deadline = deadline;
        this.slots = new CallSlots(size, maxWait, deadline);
        // As many threads as slots: a task is queued only while the thread that will run it finishes its last.
        this.pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "oie-filter-okta");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void close() {
        pool.shutdownNow(); // its threads must not outlive the application
    }

    /** Slots in use now. */
    int inUse() {
        return slots.inUse();
    }

    /** Calls waiting for a slot now. */
    int waiting() {
        return slots.waiting();
    }

    /** The most threads this pool has had at once. */
    int mostThreads() {
        return pool.getLargestPoolSize();
    }

    /**
     * The call's value within the deadline, run on a thread of this pool. No free slot within the wait
     * is BUSY; no answer in time or a runtime failure is UNAVAILABLE.
     */
    <T> T run(String name, Callable<T> call) throws IdxException {
        long start = System.nanoTime();
        try {
            return timed(name, start, untimed(name, start, call));
        } catch (IdxException e) {
            throw timed(name, start, e);
        }
    }

    private <T> T untimed(String name, long start, Callable<T> call) throws IdxException {
        Locale language = OktaLanguage.current(); // the caller's, for the pool thread
        Task<T> task = new Task<>(() -> {
            try (OktaLanguage.Scope ignored = OktaLanguage.speaking(language)) {
                return call.call();
            }
        }, slots.acquire(name));
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            task.abandon();
            throw unavailable(name + ": the application is stopping", e);
        }
        try {
            return task.get(left(start), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.abandon();
            throw unavailable(name + ": no answer within " + deadline.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.abandon();
            throw unavailable(name + ": interrupted", e);
        } catch (ExecutionException e) {
            throw unavailable(name + ": " + e.getCause(), e.getCause());
        }
    }

    /** A call that times itself out, run on the caller's thread with a slot and the time the wait left. */
    <T> T runHere(String name, Timed<T> call) throws IdxException {
        long start = System.nanoTime();
        try (CallSlots.Slot slot = slots.acquire(name)) {
            return timed(name, start, call.run(Duration.ofNanos(left(start))));
        } catch (IdxException e) {
            throw timed(name, start, e);
        }
    }

    /** Times a call that answered: {@code ok}, or {@code refused} when the answer is Okta's refusal. */
    private <T> T timed(String name, long start, T value) {
        metrics.oktaCall(name, value instanceof Answered a && a.refused() ? "refused" : "ok",
                Duration.ofNanos(System.nanoTime() - start));
        return value;
    }

    /** Times a call that failed, by its kind: {@code busy} (never sent), {@code unavailable}, {@code rate_limited}, ... */
    private IdxException timed(String name, long start, IdxException e) {
        metrics.oktaCall(name, e.kind().name().toLowerCase(java.util.Locale.ROOT), Duration.ofNanos(System.nanoTime() - start));
        return e;
    }

    private long left(long start) {
        return Math.max(1, deadline.toNanos() - (System.nanoTime() - start));
    }

    private static IdxException unavailable(String detail, Throwable cause) {
        return new IdxException(Kind.UNAVAILABLE, 0, detail, List.of(), null, cause);
    }

    /**
     * A call and its slot. The slot is freed when the call ends, or by the caller who gave up before
     * a thread took the call: whichever of the two claims the task first, never both.
     */
    private static final class Task<T> extends FutureTask<T> {
        private final CallSlots.Slot slot;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Task(Callable<T> call, CallSlots.Slot slot) {
            super(call);
            this.slot = slot;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return; // abandoned before it started: its slot is free already
            }
            try {
                super.run();
            } finally {
                slot.close();
            }
        }

        // The call has ended: its slot is free before its caller wakes, so the caller's next call finds it free.
        @Override
        protected void set(T value) {
            slot.close();
            super.set(value);
        }

        @Override
        protected void setException(Throwable t) {
            slot.close();
            super.setException(t);
        }

        void abandon() {
            cancel(true);
            if (claimed.compareAndSet(false, true)) {
                slot.close();
            }
        }
    }
}
