package io.oiefilter.idx.okta;

import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxException.Kind;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs calls to Okta with a deadline (okta-idx-java 2.0.0's HTTP client has none) on a bounded pool:
 * a hung Okta can hold at most {@value #MAX_WAITING} threads; past that, calls fail at once.
 */
final class DeadlinePool implements AutoCloseable {
    static final int MAX_WAITING = 32;

    private final Duration deadline;
    private final ExecutorService pool;

    DeadlinePool(Duration deadline) {
        this.deadline = deadline;
        this.pool = new ThreadPoolExecutor(0, MAX_WAITING, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "oie-filter-okta");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        pool.shutdownNow(); // its threads must not outlive the application
    }

    /** The call's value within the deadline; no answer in time, too many waiting or a runtime failure is UNAVAILABLE. */
    <T> T run(String name, Callable<T> call) throws IdxException {
        Future<T> f;
        try {
            f = pool.submit(call);
        } catch (RejectedExecutionException e) {
            throw unavailable(name + ": too many calls to Okta waiting already", e);
        }
        try {
            return f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw unavailable(name + ": no answer within " + deadline.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw unavailable(name + ": interrupted", e);
        } catch (ExecutionException e) {
            throw unavailable(name + ": " + e.getCause(), e.getCause());
        }
    }

    private static IdxException unavailable(String detail, Throwable cause) {
        return new IdxException(Kind.UNAVAILABLE, 0, detail, List.of(), null, cause);
    }
}
