package io.oiefilter.simulator.faults;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults in force, per endpoint name (see {@link io.oiefilter.simulator.Endpoints}). */
public final class Faults {
    private record Armed(Fault fault, AtomicInteger left) {
    }

    private final Map<String, Armed> byEndpoint = new ConcurrentHashMap<>();

    public void inject(String endpoint, Fault fault) {
        byEndpoint.put(endpoint, new Armed(fault, new AtomicInteger(fault.times())));
    }

    public void clear() {
        byEndpoint.clear();
    }

    public void clear(String endpoint) {
        byEndpoint.remove(endpoint);
    }

    /** The fault for this request, if one is armed; a counted fault disarms itself when used up. */
    public Optional<Fault> take(String endpoint) {
        Armed a = byEndpoint.get(endpoint);
        if (a == null) {
            return Optional.empty();
        }
        if (a.fault().times() > 0) {
            int left = a.left().getAndDecrement();
            if (left <= 1) {
                byEndpoint.remove(endpoint, a);
            }
            if (left <= 0) {
                return Optional.empty();
            }
        }
        return Optional.of(a.fault());
    }

    public Map<String, Fault> armed() {
        Map<String, Fault> out = new java.util.TreeMap<>();
        byEndpoint.forEach((k, v) -> out.put(k, v.fault()));
        return out;
    }
}
