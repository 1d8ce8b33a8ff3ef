package io.oiefilter.session;

import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the application's {@link ClaimsMapper}, in the order the filter's other SPIs use: the class
 * named by {@code oie.claimsMapper} (its CDI bean when CDI has one, else a new instance), else a
 * {@code ServiceLoader} provider, else a CDI bean of the type, else {@link DefaultClaimsMapper}.
 * The one place this is decided, so that it can join a common SPI resolution.
 */
public final class ClaimsMappers {
    private ClaimsMappers() {
    }

    public static ClaimsMapper create(OieConfig config, ClassLoader loader) {
        if (config.claimsMapper().isPresent()) {
            return named(config.claimsMapper().get(), loader);
        }
        Iterator<ClaimsMapper> provided = ServiceLoader.load(ClaimsMapper.class, loader).iterator();
        if (provided.hasNext()) {
            return provided.next();
        }
        return cdiBean(ClaimsMapper.class).orElseGet(() -> new DefaultClaimsMapper(config));
    }

    private static ClaimsMapper named(String className, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!ClaimsMapper.class.isAssignableFrom(type)) {
                throw new OieConfigException(OieConfig.CLAIMS_MAPPER, "oie-filter: " + className + " is not a ClaimsMapper");
            }
            Optional<? extends ClaimsMapper> bean = cdiBean(type.asSubclass(ClaimsMapper.class));
            return bean.isPresent() ? bean.get() : (ClaimsMapper) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new OieConfigException(OieConfig.CLAIMS_MAPPER, "oie-filter: cannot create the claims mapper " + className
                    + " (" + OieConfig.CLAIMS_MAPPER + "): " + e);
        }
    }

    /** The CDI bean of this type, when the application runs in a CDI container that has exactly one. */
    private static <T> Optional<T> cdiBean(Class<T> type) {
        try {
            var instance = jakarta.enterprise.inject.spi.CDI.current().select(type);
            return instance.isResolvable() ? Optional.of(instance.get()) : Optional.empty();
        } catch (RuntimeException | NoClassDefFoundError noCdi) {
            return Optional.empty(); // no CDI here, or none for this application
        }
    }
}
