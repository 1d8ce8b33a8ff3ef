package io.oiefilter.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The application's MicroProfile Config, when the server has it (Payara, WildFly with MicroProfile,
 * Open Liberty): there an admin sets values without touching the WAR (Payara's
 * {@code set-config-property}, its {@code --secretsdir} and password aliases...). Reached by
 * reflection through the application's class loader, so that the filter has no dependency on it and
 * starts as well on Tomcat or Jetty, where the API is absent.
 */
final class MicroProfileConfigSource implements ConfigSource {
    static final String PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
    private static final String CONFIG = "org.eclipse.microprofile.config.Config";

    private final Object config;
    private final Method optionalValue;
    private final Method value;
    private final Method configValue;
    private final Method rawValue;
    private final Method sourceName;

    private MicroProfileConfigSource(Object config, Method optionalValue, Method value, Method configValue, Method rawValue,
                                     Method sourceName) {
        this.config = config;
        this.optionalValue = optionalValue;
        this.value = value;
        this.configValue = configValue;
        this.rawValue = rawValue;
        this.sourceName = sourceName;
    }

    /** The application's Config, or empty when the API, or an implementation of it, is not there. */
    static Optional<ConfigSource> of(ClassLoader loader) {
        Class<?> provider;
        try {
            provider = Class.forName(PROVIDER, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty(); // a server without MicroProfile Config
        }
        try {
            Class<?> configType = Class.forName(CONFIG, false, loader);
            Object config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
            Method optional = configType.getMethod("getOptionalValue", String.class, Class.class);
            Method required = configType.getMethod("getValue", String.class, Class.class);
            Method configValue = null;
            Method raw = null;
            Method source = null;
            try { // MicroProfile Config 2.0 and later say which of their sources answered, and what it held
                configValue = configType.getMethod("getConfigValue", String.class);
                raw = configValue.getReturnType().getMethod("getRawValue");
                source = configValue.getReturnType().getMethod("getSourceName");
            } catch (NoSuchMethodException older) {
                configValue = null;
            }
            return Optional.of(new MicroProfileConfigSource(config, optional, required, configValue, raw, source));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty(); // the API without an implementation (an API jar alone in WEB-INF/lib)
        }
    }

    @Override
    public String get(String name) {
        Optional<?> found = (Optional<?>) call(optionalValue, name, String.class);
        if (found.isPresent()) {
            return found.get().toString();
        }
        if (configValue != null) {
            Object held = call(configValue, name);
            Object raw = held == null ? null : invoke(rawValue, held);
            if (raw != null && !raw.toString().isBlank()) {
                // Set, yet no value: an expression (a missing ${ALIAS=...}) that some implementations leave empty
                // here. Asking for it as required gives their reason, rather than "missing" later.
                return call(value, name, String.class).toString();
            }
        }
        return null;
    }

    @Override
    public String describe(String name) {
        String where = "MicroProfile Config property " + name;
        if (configValue == null) {
            return where;
        }
        try {
            Object source = sourceName.invoke(configValue.invoke(config, name));
            return source == null ? where : where + " (from its source " + source + ")";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return where;
        }
    }

    private Object call(Method method, Object... args) {
        return invoke(method, config, args);
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) { // e.g. a value whose ${...} expression cannot be expanded
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }
}
