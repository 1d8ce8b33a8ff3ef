package io.oiefilter.session;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values behind recently read compact forms, by their bytes. A container that keeps sessions
 * in a replica store may deserialize a session on every request (Payara's Hazelcast store does): the same
 * bytes then come back again and again, and give the same immutable value without inflating and reading
 * it again. Keyed by the whole content, so only equal bytes ever share a value; bounded, cleared when full.
 */
final class RecentForms {
    static final int MAX = 2048;
    private static final Map<ByteBuffer, Object> VALUES = new ConcurrentHashMap<>();

    private RecentForms() {
    }

    static Object get(byte[] form) {
        return VALUES.get(ByteBuffer.wrap(form));
    }

    /** Remembers {@code value} as what {@code form} reads as (the first read itself is a real one); {@code form} never changes. */
    static void put(byte[] form, Object value) {
        if (VALUES.size() >= MAX) {
            VALUES.clear(); // a burst of new sign-ins: start over rather than track ages
        }
        VALUES.put(ByteBuffer.wrap(form), value);
    }
}
