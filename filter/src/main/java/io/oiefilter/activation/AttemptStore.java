package io.oiefilter.activation;

import java.time.Duration;

/** Counts attempts per key in a time window; behind an interface so a cluster can share the counts. */
public interface AttemptStore {
    /** Records one attempt and returns how many this key has made in the current window. */
    int hit(String key, Duration window);
}
