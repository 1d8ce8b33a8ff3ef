package io.oiefilter.activation;

import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.mgmt.ManagementPort;

import java.lang.reflect.Constructor;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Builds the configured strategy: a built-in name; a class name (the CDI bean of that class when
 * CDI has one, so it gets its injections, else a new instance); or, for {@code auto}, the one a
 * ServiceLoader provides, else an {@code ActivationStrategy} CDI bean, else none.
 */
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
                return new NoActivationStrategy();
            case "auto":
                Iterator<ActivationStrategy> provided = ServiceLoader.load(ActivationStrategy.class, loader).iterator();
                if (provided.hasNext()) {
                    return provided.next();
                }
                return cdiBean(ActivationStrategy.class).orElseGet(NoActivationStrategy::new);
            default:
                return instantiate(spec, management, loader);
        }
    }

    /** The CDI bean of this type, when the application runs in a CDI container that has exactly one. */
    static <T> Optional<T> cdiBean(Class<T> type) {
        try {
            var instance = jakarta.enterprise.inject.spi.CDI.current().select(type);
            return instance.isResolvable() ? Optional.of(instance.get()) : Optional.empty();
        } catch (RuntimeException | NoClassDefFoundError noCdi) {
            return Optional.empty(); // no CDI here, or none for this application
        }
    }

    private static ActivationStrategy instantiate(String className, Supplier<ManagementPort> management, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!ActivationStrategy.class.isAssignableFrom(type)) {
                throw new OieConfigException(OieConfig.ACTIVATION_STRATEGY, "oie-filter: " + className + " is not an ActivationStrategy");
            }
            Optional<? extends ActivationStrategy> bean = cdiBean(type.asSubclass(ActivationStrategy.class));
            if (bean.isPresent()) {
                return bean.get();
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
