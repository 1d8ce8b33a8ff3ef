package io.oiefilter.activation;

import io.oiefilter.log.OieLog;
import io.oiefilter.config.OieConfig;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs the configured strategy after a failed identify, behind the throttles (starts per login and
 * per client address), and tells the listeners and the log what happened.
 */
public final class Activation {
    private static final OieLog LOG = OieLog.of(Activation.class);

    private final ActivationStrategy strategy;
    private final AttemptStore attempts;
    private final List<ActivationListener> listeners;
    private final OieConfig config;

    private final java.util.function.Supplier<io.oiefilter.mgmt.ManagementPort> management;

    public Activation(ActivationStrategy strategy, AttemptStore attempts, List<ActivationListener> listeners, OieConfig config) {
        this(strategy, attempts, listeners, config, () -> null);
    }

    /** @param management the Management port handed to strategies in each request (may supply null) */
    public Activation(ActivationStrategy strategy, AttemptStore attempts, List<ActivationListener> listeners, OieConfig config,
                      java.util.function.Supplier<io.oiefilter.mgmt.ManagementPort> management) {
        this.strategy = strategy;
        this.attempts = attempts;
        this.listeners = List.copyOf(listeners);
        this.config = config;
        this.management = management;
    }

    /** False for the {@code none} strategy: failed identifies then stay plain failures. */
    public boolean enabled() {
        return !(strategy instanceof NoActivationStrategy);
    }

    public ActivationStrategy.Delivery delivery() {
        return strategy.delivery();
    }

    public int maxWrongCodes() {
        return config.activationMaxWrongCodes();
    }

    public boolean revealStatus() {
        return config.activationRevealStatus();
    }

    /**
     * Asks the strategy about a failed identify, behind the throttles. Look-ups are counted per client
     * address; starts per login and per address are reserved before the strategy runs (so that
     * parallel requests cannot exceed them) and given back when it starts nothing: they count what
     * the settings say they count, activations started.
     */
    public ActivationOutcome afterIdentifyFailed(ActivationRequest request) {
        String login = "login:" + request.login().trim().toLowerCase(Locale.ROOT);
        String address = "address:" + request.clientAddress();
        Duration window = config.activationThrottleWindow();
        try {
            if (attempts.hit("lookups:" + request.clientAddress(), window) > config.activationMaxLookupsPerAddress()) {
                event(ActivationEvent.Type.THROTTLED, request, "look-ups per address");
                return ActivationOutcome.notApplicable();
            }
            if (attempts.hit(login, window) > config.activationMaxStartsPerLogin()) {
                attempts.release(login, window);
                event(ActivationEvent.Type.THROTTLED, request, "per login");
                return ActivationOutcome.notApplicable();
            }
            if (attempts.hit(address, window) > config.activationMaxStartsPerAddress()) {
                attempts.release(address, window);
                attempts.release(login, window);
                event(ActivationEvent.Type.THROTTLED, request, "per address");
                return ActivationOutcome.notApplicable();
            }
        } catch (RuntimeException e) {
            // Fail closed: without counts, no activation starts.
            event(ActivationEvent.Type.REFUSED, request, "the attempt store failed: " + e);
            return ActivationOutcome.notApplicable();
        }
        ActivationOutcome outcome;
        try {
            outcome = strategy.onIdentifyFailed(new ActivationRequest(request.login(), request.locale(), request.clientAddress(),
                    management.get()));
        } catch (RuntimeException e) {
            event(ActivationEvent.Type.REFUSED, request, "the strategy " + strategy.getClass().getName() + " failed: " + e);
            outcome = ActivationOutcome.notApplicable("the strategy failed");
        }
        if (outcome == null) {
            outcome = ActivationOutcome.notApplicable("the strategy answered null");
        }
        // Every decision is the operator's to see: the person's page is the same whatever it was.
        switch (outcome.kind()) {
            case NOT_APPLICABLE -> {
                event(ActivationEvent.Type.NOT_APPLICABLE, request, outcome.reason());
                try {
                    attempts.release(address, window);
                    attempts.release(login, window);
                } catch (RuntimeException e) {
                    LOG.warn("oie-filter: the attempt store failed: {0}", e.toString());
                }
            }
            case ACTIVATION_TOKEN -> event(ActivationEvent.Type.TOKEN_ISSUED, request, "activation token from "
                    + strategy.getClass().getSimpleName());
            case EMAIL_SENT -> event(ActivationEvent.Type.STARTED, request, "activation email sent by Okta");
        }
        return outcome;
    }

    /** The Management port handed to strategies, or null when no API token is configured. */
    public io.oiefilter.mgmt.ManagementPort management() {
        return management.get();
    }

    public void event(ActivationEvent.Type type, ActivationRequest request, String detail) {
        event(new ActivationEvent(type, request.login(), request.clientAddress(), detail));
    }

    public void event(ActivationEvent e) {
        LOG.log(e.type() == ActivationEvent.Type.REFUSED ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "oie-filter: activation {0} for {1} from {2}: {3}", e.type(), e.login(), e.clientAddress(), e.detail());
        for (ActivationListener l : listeners) {
            try {
                l.onActivationEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("oie-filter: activation listener {0} failed: {1}", l.getClass().getName(), ex.toString());
            }
        }
    }
}
