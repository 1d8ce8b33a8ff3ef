package io.oiefilter.activation;

/** Hears activation events (audit, metrics). Registered with {@link java.util.ServiceLoader}; must not throw. */
@FunctionalInterface
public interface ActivationListener {
    void onActivationEvent(ActivationEvent event);
}
