package io.oiefilter.bench.load;

import java.util.Arrays;

/** Median and percentiles of samples, in milliseconds. */
final class Stats {
    private Stats() {
    }

    static double percentile(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }

    static double median(long[] nanos) {
        return percentile(nanos, 50);
    }

    static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
