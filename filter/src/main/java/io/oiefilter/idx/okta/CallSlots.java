package io.oiefilter.idx.okta;

import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxException.Kind;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many calls to Okta this application has in flight at once: at most {@code size}. A call finds a
 * free slot, or waits for one in arrival order (a burst queues briefly), but never longer than the
 * wait: then it is refused as {@link Kind#BUSY} without being sent. Should the slots be held by calls
 * Okta has not answered within their deadline, the refusal is {@link Kind#UNAVAILABLE}: Okta is down,
 * not this server busy.
 */
final class CallSlots {
    /** One call's slot; closing it frees the slot, once, whoever closes it. */
    final class Slot implements AutoCloseable {
        private final long since = System.nanoTime();
        private final AtomicBoolean held = new AtomicBoolean(true);

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                inFlight.remove(this);
                permits.release();
            }
        }
    }

    private final int size;
    private final Duration maxWait;
    private final Duration deadline;
    private final Semaphore permits;
    private final Set<Slot> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * @param maxWait  the longest a call waits for a slot
     * @param deadline the longest a call may take (a slot held longer is Okta's silence, not load)
     */
    CallSlots(int size, Duration maxWait, Duration deadline) {
        if (size < 1 || maxWait.isNegative() || maxWait.compareTo(deadline) >= 0) {
            throw new IllegalArgumentException("slots " + size + ", wait " + maxWait + ", deadline " + deadline);
        }
        this.size = size;
        this.maxWait = maxWait;
        this.deadline = deadline;
        this.permits = new Semaphore(size, true); // fair: the first to wait is the first served
    }

    /** A free slot, waiting at most the configured wait for one. */
    Slot acquire(String name) throws IdxException {
        boolean got;
        try {
            got = maxWait.isZero() ? permits.tryAcquire() : permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdxException(Kind.UNAVAILABLE, 0, name + ": interrupted while waiting for a slot", List.of(), null, e);
        }
        if (!got) {
            throw refused(name);
        }
        Slot slot = new Slot();
        inFlight.add(slot);
        return slot;
    }

    /** Slots in use now. */
    int inUse() {
        return size - permits.availablePermits();
    }

    /** Calls waiting for a slot now (an estimate, as the JDK's). */
    int waiting() {
        return permits.getQueueLength();
    }

    private IdxException refused(String name) {
        long now = System.nanoTime();
        long overdue = inFlight.stream().filter(s -> now - s.since > deadline.toNanos()).count();
        if (overdue > 0) {
            return new IdxException(Kind.UNAVAILABLE, 0, name + ": not sent, " + overdue + " of the " + size
                    + " calls to Okta in flight have had no answer within " + deadline.toSeconds() + " s", List.of(), null, null);
        }
        return new IdxException(Kind.BUSY, 0, name + ": not sent, every slot for calls to Okta (" + size + ") stayed taken for "
                + maxWait.toMillis() + " ms (" + OieConfig.OKTA_MAX_CONCURRENT_CALLS + ", " + OieConfig.OKTA_QUEUE_TIMEOUT + ")",
                List.of(), null, null);
    }
}
