package io.oiefilter.activation;

/**
 * Hears activation events (audit, metrics); must not throw. Every one found is called: the classes named in
 * {@code oie.activation.listeners}, or every CDI bean and {@link java.util.ServiceLoader} provider (see
 * {@link io.oiefilter.spi.Extensions}).
 */
@FunctionalInterface
public interface ActivationListener {
    void onActivationEvent(ActivationEvent event);
}
