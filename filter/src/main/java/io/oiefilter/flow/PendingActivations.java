package io.oiefilter.flow;

import io.oiefilter.log.OieLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Activations starting in the background. A failed identify answers at once, whatever the account;
 * the Management API look-up, the reactivation and the new IDX transaction happen here, and the
 * result is joined when the person posts a code or asks for a new one. Work that started nothing
 * completes no sooner than a real start would have, so an early post cannot tell them apart either.
 * Bounded: a few threads, a short queue, a cap on what is kept; each result is forgotten at its
 * page's deadline. Kept in this JVM: a node that did not start an activation treats it as none.
 */
public final class PendingActivations implements AutoCloseable {
    private static final OieLog LOG = OieLog.of(PendingActivations.class);
    private static final int MAX_KEPT = 10_000;

    private final Map<String, CompletableFuture<ActivationStart>> pending = new ConcurrentHashMap<>();
    private final Executor work;
    private final ScheduledExecutorService timer;
    private final ResponsePacer pacer;
    private final Clock clock;
    private final boolean ownsExecutors;

    public PendingActivations(ResponsePacer pacer) {
        this(new ThreadPoolExecutor(2, 8, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), daemon("oie-filter-activation")),
                pacer, Clock.systemUTC(), true);
    }

    /** With the caller's executor (tests run the work on the calling thread). */
    public PendingActivations(Executor work, ResponsePacer pacer, Clock clock) {
        this(work, pacer, clock, false);
    }

    private PendingActivations(Executor work, ResponsePacer pacer, Clock clock, boolean ownsExecutors) {
        this.work = work;
        this.pacer = pacer;
        this.clock = clock;
        this.ownsExecutors = ownsExecutors;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("oie-filter-activation-timer"));
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
    }

    /** Starts {@code start} for the activation page {@code flowId}, kept until {@code until}. Never throws. */
    void submit(String flowId, Instant until, Supplier<ActivationStart> start) {
        long submitted = System.nanoTime();
        CompletableFuture<ActivationStart> result = new CompletableFuture<>();
        // Kept even past the cap (it then holds nothing but "none"), so that its page is answered as late as any.
        boolean full = pending.size() >= MAX_KEPT;
        pending.put(flowId, result);
        long keepMillis = Math.max(1000, Duration.between(clock.instant(), until).toMillis());
        try {
            timer.schedule(() -> pending.remove(flowId, result), keepMillis, TimeUnit.MILLISECONDS);
            if (full) {
                LOG.warn("oie-filter: {0} activations pending already; this one is not started", MAX_KEPT);
                completeAsIfStarted(result, ActivationStart.NONE, submitted);
                return;
            }
            work.execute(() -> {
                ActivationStart s;
                try {
                    s = start.get();
                } catch (RuntimeException e) {
                    LOG.warn("oie-filter: the activation did not start: {0}", e.toString());
                    s = ActivationStart.NONE;
                }
                if (s.started()) {
                    pacer.recordSince(ResponsePacer.Operation.ACTIVATION_START, submitted);
                    result.complete(s);
                } else {
                    completeAsIfStarted(result, s, submitted);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("oie-filter: too many activations starting at once; this one is not started");
            completeAsIfStarted(result, ActivationStart.NONE, submitted);
        }
    }

    /** Completes when a real start would have, as far as recent ones tell. */
    private void completeAsIfStarted(CompletableFuture<ActivationStart> result, ActivationStart s, long submitted) {
        long left = pacer.sample(ResponsePacer.Operation.ACTIVATION_START).toNanos() - (System.nanoTime() - submitted);
        if (left <= 0) {
            result.complete(s);
            return;
        }
        try {
            timer.schedule(() -> result.complete(s), left, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            result.complete(s); // the application is stopping
        }
    }

    /** Runs a small task off the request thread (a code sent again); dropped, with a log line, when busy. */
    void execute(Runnable task) {
        try {
            work.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warn("oie-filter: too busy to send a code again");
        }
    }

    /**
     * The outcome for {@code flowId}, waiting at most {@code max} for it; empty when nothing is pending
     * under that id here (another node, or forgotten) or it took too long.
     */
    Optional<ActivationStart> await(String flowId, Duration max) {
        CompletableFuture<ActivationStart> f = pending.get(flowId);
        if (f == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(f.get(max.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            LOG.warn("oie-filter: an activation took longer than {0} s to start; treated as none", max.toSeconds());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (ownsExecutors && work instanceof ThreadPoolExecutor pool) {
            pool.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
