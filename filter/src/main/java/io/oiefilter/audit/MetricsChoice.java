package io.oiefilter.audit;

import io.oiefilter.config.OieConfigException;

/**
 * Which metrics library the filter writes to ({@code oie.metrics}): {@code auto} (the default) writes to Micrometer's
 * global registry when the application has Micrometer, else nowhere; {@code micrometer} requires it; {@code none}
 * writes nowhere. Micrometer is never a dependency of the filter: its classes are touched only when present.
 */
public final class MetricsChoice {
    static final String MICROMETER_PROBE = "io.micrometer.core.instrument.Metrics";

    private MetricsChoice() {
    }

    public static OieMetrics of(String setting, String key) {
        String s = setting == null || setting.isBlank() ? "auto" : setting.trim();
        return switch (s) {
            case "none" -> OieMetrics.NONE;
            case "auto" -> micrometerPresent() ? MicrometerMetrics.global() : OieMetrics.NONE;
            case "micrometer" -> {
                if (!micrometerPresent()) {
                    throw new OieConfigException(key, "oie-filter: " + key + "=micrometer, but Micrometer (" + MICROMETER_PROBE
                            + ") is not on the application's class path");
                }
                yield MicrometerMetrics.global();
            }
            default -> throw new OieConfigException(key, "oie-filter: " + key + " must be auto, micrometer or none, not " + s);
        };
    }

    static boolean micrometerPresent() {
        try {
            Class.forName(MICROMETER_PROBE, false, MetricsChoice.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
