package io.oiefilter.simulator.faults;

import java.time.Duration;

/**
 * What to do to requests for one endpoint instead of (or before) answering them.
 *
 * @param status        answer with this status instead (0: answer normally, after the delay)
 * @param body          the body to send with {@code status}
 * @param contentType   the Content-Type to send with it, or null to send none (okta-idx-java 2.0.0 throws on that)
 * @param delay         wait this long first
 * @param drop          close the connection without answering
 * @param times         how many requests it applies to (0: until cleared)
 */
public record Fault(int status, String body, String contentType, Duration delay, boolean drop, int times) {

    public static Fault status(int status) {
        return new Fault(status, "{\"errorCode\":\"E0000009\",\"errorSummary\":\"Internal Server Error\"}",
                "application/json", Duration.ZERO, false, 0);
    }

    /** A truncated JSON body with an ion+json content type. */
    public static Fault malformedBody(int status) {
        return new Fault(status, "{\"version\":\"1.0.0\",\"stateHa", "application/ion+json; okta-version=1.0.0",
                Duration.ZERO, false, 0);
    }

    public static Fault missingContentType(int status) {
        return new Fault(status, "{\"errorCode\":\"E0000009\",\"errorSummary\":\"Internal Server Error\"}", null,
                Duration.ZERO, false, 0);
    }

    public static Fault delay(Duration delay) {
        return new Fault(0, null, null, delay, false, 0);
    }

    public static Fault dropConnection() {
        return new Fault(0, null, null, Duration.ZERO, true, 0);
    }

    /** Waits out the delay, if any. */
    public void pause() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Fault times(int n) {
        return new Fault(status, body, contentType, delay, drop, n);
    }
}
