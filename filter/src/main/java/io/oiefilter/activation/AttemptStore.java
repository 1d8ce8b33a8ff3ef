package io.oiefilter.activation;

import java.time.Duration;

/**
 * Counts attempts per key in a time window; behind an interface so a cluster can share the counts
 * ({@code oie.activation.attemptStore}: {@code memory}, {@code jcache} or your class, see {@link io.oiefilter.spi.Extensions}).
 * Every operation is atomic: parallel requests are the first thing an attacker tries.
 */
public interface AttemptStore {
    /** Records one attempt and returns how many this key has made in the current window. */
    int hit(String key, Duration window);

    /**
     * Gives back one attempt counted by {@link #hit} in the current window: a slot reserved for
     * something that then did not happen. Stores that cannot do it count a little too much (the
     * safe side).
     */
    default void release(String key, Duration window) {
    }
}
