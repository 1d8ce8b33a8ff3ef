package io.oiefilter.flow;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps the answers of uniform activation pages as slow as the real thing. Where a real activation
 * calls Okta (a wrong code checked by IDX, a code sent again) and an unknown account has nothing to
 * call, the unknown account's answer waits for a duration drawn from the recent real ones, so that
 * both answer times come from the same distribution and a person timing the pages learns nothing.
 * Real durations are recorded as they happen; before there are any, a related operation's stand in.
 */
public final class ResponsePacer {
    /** What is timed. */
    public enum Operation {
        /** Okta refused an IDX step (one call; its answer carries the state): identify failures feed it. */
        REFUSED_STEP,
        /** One IDX step Okta accepted. */
        OKTA_STEP,
        /** A wrong code on a real activation, checked by Okta. */
        CODE_CHECK,
        /** A code sent again on a real activation. */
        RESEND,
        /** The work behind an activation that started: Management API, interact, email enrollment. */
        ACTIVATION_START
    }

    /** How to wait; tests count instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    }

    /** Recent enough to follow Okta's and the server's mood of the moment, many enough to be a distribution. */
    private static final int KEPT = 16;
    /** Before anything was measured: typical loopback-to-Okta figures, only until real ones come. */
    private static final Map<Operation, Duration> DEFAULTS = Map.of(
            Operation.REFUSED_STEP, Duration.ofMillis(150), Operation.OKTA_STEP, Duration.ofMillis(80),
            Operation.CODE_CHECK, Duration.ofMillis(150), Operation.RESEND, Duration.ofMillis(80),
            Operation.ACTIVATION_START, Duration.ofMillis(400));

    private final Map<Operation, Ring> rings = new EnumMap<>(Operation.class);
    private final Sleeper sleeper;

    public ResponsePacer() {
        this(Sleeper.REAL);
    }

    public ResponsePacer(Sleeper sleeper) {
        this.sleeper = sleeper;
        for (Operation op : Operation.values()) {
            rings.put(op, new Ring());
        }
    }

    /** A real duration of {@code op}. */
    public void record(Operation op, Duration d) {
        rings.get(op).add(d.toNanos());
    }

    /** Records the time since {@code startNanos} ({@link System#nanoTime()}). */
    public void recordSince(Operation op, long startNanos) {
        record(op, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** A duration drawn from the recent real ones of {@code op}, or of what stands in for it. */
    public Duration sample(Operation op) {
        long n = rings.get(op).draw();
        if (n >= 0) {
            return Duration.ofNanos(n);
        }
        return switch (op) {
            case CODE_CHECK -> sample(Operation.REFUSED_STEP);
            case RESEND -> sample(Operation.OKTA_STEP);
            case ACTIVATION_START -> {
                long step = rings.get(Operation.OKTA_STEP).draw();
                yield step >= 0 ? Duration.ofNanos(step * 5) : DEFAULTS.get(op); // about five calls
            }
            default -> DEFAULTS.get(op);
        };
    }

    /**
     * Waits until a sample of {@code op} has passed since {@code startNanos}; no wait when it has. A
     * sleeping thread wakes a little late (timer granularity, scheduling); how late it has been is
     * kept and asked for that much less, so that the wait ends on time.
     */
    public void padAsIf(Operation op, long startNanos) {
        long target = sample(op).toNanos();
        long left = target - (System.nanoTime() - startNanos) - lateNanos;
        if (left > 0) {
            long asleep = System.nanoTime();
            try {
                sleeper.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long late = Math.max(0, System.nanoTime() - asleep - left);
            lateNanos = Math.min(MAX_LATE_NANOS, (lateNanos * 4 + late) / 5); // a moving average
        }
    }

    /** How late a sleeping thread has woken lately (a moving average), never more than {@link #MAX_LATE_NANOS}. */
    private volatile long lateNanos;
    private static final long MAX_LATE_NANOS = Duration.ofMillis(5).toNanos();

    /** The last {@link #KEPT} durations of one operation. */
    private static final class Ring {
        private final long[] values = new long[KEPT];
        private int size;
        private int next;

        synchronized void add(long nanos) {
            values[next] = nanos;
            next = (next + 1) % KEPT;
            size = Math.min(size + 1, KEPT);
        }

        synchronized long draw() {
            return size == 0 ? -1 : values[ThreadLocalRandom.current().nextInt(size)];
        }
    }
}
