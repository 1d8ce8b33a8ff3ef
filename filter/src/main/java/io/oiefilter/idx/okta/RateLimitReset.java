package io.oiefilter.idx.okta;

import java.time.Clock;

/** Okta's {@code X-Rate-Limit-Reset} (epoch seconds when the window resets) as seconds to wait. */
final class RateLimitReset {
    /** Longer than any Okta rate-limit window: a value past this is not believed. */
    static final int MAX_SECONDS = 3600;

    private RateLimitReset() {
    }

    /** Seconds from now until the reset, at least 1; 0 when the header is missing or not a number. */
    static int secondsUntil(String header, Clock clock) {
        if (header == null) {
            return 0;
        }
        try {
            long reset = Long.parseLong(header.trim());
            long wait = reset - clock.instant().getEpochSecond();
            return (int) Math.max(1, Math.min(MAX_SECONDS, wait));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
