package io.oiefilter.activation;

/**
 * Decides what to do when identify fails: the extension point for accounts that were created but
 * never activated (PROVISIONED, STAGED). Built in: {@code management-api} (the default when a
 * Management API token is configured), {@code okta-email} and {@code none}. Write your own by
 * implementing this interface; name the class in {@code oie.activation.strategy}, or make it a CDI
 * bean or a {@link java.util.ServiceLoader} provider ({@link io.oiefilter.spi.Extensions}). A public
 * constructor taking a {@link io.oiefilter.mgmt.ManagementPort} gets the filter's; else a public
 * no-argument one is used.
 *
 * <p>Whatever the outcome, the person sees the same page for every failed identify (no account
 * enumeration) unless the operator sets {@code oie.activation.revealStatus}.
 */
public interface ActivationStrategy {

    /** Called once per failed identify, after the filter's throttles allowed it. Must not throw. */
    ActivationOutcome onIdentifyFailed(ActivationRequest request);

    /** How this strategy reaches the person, which decides the page every failed identify shows. */
    default Delivery delivery() {
        return Delivery.CODE;
    }

    /** The page shown after a failed identify: a code to type, or "check your email for a link". */
    enum Delivery { CODE, LINK }
}
