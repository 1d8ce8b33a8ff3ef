package io.oiefilter.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One pluggable interface of the filter: the setting that names its implementation, the implementations
 * built in (by name), and what {@code auto} ends on when no CDI bean or ServiceLoader provider is found.
 * Immutable; declared once, where the filter builds its parts.
 *
 * @param <T> the interface
 */
public final class ExtensionPoint<T> {
    private final Class<T> type;
    private final String key;
    private final Map<String, Supplier<? extends T>> builtIns;
    private final Supplier<? extends T> fallback;

    private ExtensionPoint(Class<T> type, String key, Map<String, Supplier<? extends T>> builtIns, Supplier<? extends T> fallback) {
        this.type = type;
        this.key = key;
        this.builtIns = builtIns;
        this.fallback = fallback;
    }

    /**
     * An interface whose implementation the setting {@code key} names.
     *
     * @param type the interface
     * @param key the setting (as in {@link io.oiefilter.config.OieConfig}) that names built-in or class names
     * @param <T> the interface
     * @return the extension point, with no built-in yet and nothing as its default
     */
    public static <T> ExtensionPoint<T> of(Class<T> type, String key) {
        return new ExtensionPoint<>(Objects.requireNonNull(type), Objects.requireNonNull(key), Map.of(), () -> null);
    }

    /**
     * This point with one more built-in implementation.
     *
     * @param name what the setting says to choose it
     * @param make makes it; may throw {@link io.oiefilter.config.OieConfigException} when a setting it needs is missing
     * @return a new point
     */
    public ExtensionPoint<T> builtIn(String name, Supplier<? extends T> make) {
        Map<String, Supplier<? extends T>> more = new LinkedHashMap<>(builtIns);
        more.put(name, make);
        return new ExtensionPoint<>(type, key, Collections.unmodifiableMap(more), fallback);
    }

    /**
     * This point with what {@code auto} ends on when nothing is found.
     *
     * @param make makes the default (may answer null where "none" is meaningful)
     * @return a new point
     */
    public ExtensionPoint<T> otherwise(Supplier<? extends T> make) {
        return new ExtensionPoint<>(type, key, builtIns, Objects.requireNonNull(make));
    }

    /** @return the interface */
    public Class<T> type() {
        return type;
    }

    /** @return the setting that names the implementation */
    public String key() {
        return key;
    }

    Map<String, Supplier<? extends T>> builtIns() {
        return builtIns;
    }

    Supplier<? extends T> fallback() {
        return fallback;
    }

    /** What the setting may say, for messages: "auto, memory, jcache or a class name". */
    String choices() {
        StringBuilder s = new StringBuilder("auto");
        builtIns.keySet().forEach(n -> s.append(", ").append(n));
        return s.append(" or a class name").toString();
    }

    @Override
    public String toString() {
        return key + " (" + type.getSimpleName() + ")";
    }
}
