package io.oiefilter.activation;

import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.mgmt.ManagementPort;

import java.lang.reflect.Constructor;
import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/** Builds the configured strategy: a built-in name, a class name, or the one a ServiceLoader provides. */
public final class ActivationStrategies {
    private ActivationStrategies() {
    }

    /**
     * @param management made only when a strategy needs it (no Management API client otherwise)
     */
    public static ActivationStrategy create(OieConfig config, Supplier<ManagementPort> management, ClassLoader loader) {
        String spec = config.activationStrategy();
        switch (spec) {
            case "management-api":
                return new ManagementApiActivationStrategy(management.get());
            case "okta-email":
                return new OktaEmailActivationStrategy(management.get());
            case "none":
                Iterator<ActivationStrategy> provided = ServiceLoader.load(ActivationStrategy.class, loader).iterator();
                return provided.hasNext() ? provided.next() : new NoActivationStrategy();
            default:
                return instantiate(spec, management, loader);
        }
    }

    private static ActivationStrategy instantiate(String className, Supplier<ManagementPort> management, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!ActivationStrategy.class.isAssignableFrom(type)) {
                throw new OieConfigException(OieConfig.ACTIVATION_STRATEGY, "oie-filter: " + className + " is not an ActivationStrategy");
            }
            try {
                Constructor<?> withPort = type.getConstructor(ManagementPort.class);
                return (ActivationStrategy) withPort.newInstance(management.get());
            } catch (NoSuchMethodException noPortConstructor) {
                return (ActivationStrategy) type.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            throw new OieConfigException(OieConfig.ACTIVATION_STRATEGY, "oie-filter: cannot create activation strategy "
                    + className + ": " + e);
        }
    }
}
