package io.oiefilter.spi;

import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.log.OieLog;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Finds the implementation of each pluggable interface ({@link ExtensionPoint}) the one same way:
 * <ol>
 *   <li>its setting, when it names one: a built-in name, or a class name. A class that CDI manages is taken
 *       from CDI (with its injections); any other is made with a public constructor taking one of the objects
 *       the filter offers (its {@code ManagementPort}), else the public no-argument one;</li>
 *   <li>otherwise ({@code auto}, the default): the application's CDI bean of the interface, when the
 *       application runs with CDI (servers without CDI, such as Tomcat and Jetty, skip this step);</li>
 *   <li>then a {@link ServiceLoader} provider ({@code META-INF/services/<interface>});</li>
 *   <li>then the built-in default.</li>
 * </ol>
 * A setting wins over what is found: a library's bean or service file never overrides the operator's choice.
 * Where every implementation is used (listeners), {@code auto} takes every CDI bean and every provider.
 * Anything wrong (no such class, not of the interface, no usable constructor, several candidates where one
 * is wanted) is an {@link OieConfigException} naming the setting, which the filter turns into its
 * fail-closed state with one log line.
 */
public final class Extensions {
    private static final OieLog LOG = OieLog.of(Extensions.class);
    private static final List<String> AUTO = List.of("auto");

    private final OieConfig config;
    private final ClassLoader loader;
    private final Map<Class<?>, Supplier<?>> offered;

    /**
     * @param config where each point's setting is read
     * @param loader the application's class loader: named classes and service files are looked up in it
     * @param offered what a named class's constructor may take, by parameter type (made only when taken)
     */
    public Extensions(OieConfig config, ClassLoader loader, Map<Class<?>, Supplier<?>> offered) {
        this.config = config;
        this.loader = loader;
        this.offered = Map.copyOf(offered);
    }

    /**
     * The one implementation of this point.
     *
     * @param point the interface and its setting
     * @param <T> the interface
     * @return the implementation, or null when the point's default is "none"
     * @throws OieConfigException when the setting or what was found cannot be used
     */
    public <T> T one(ExtensionPoint<T> point) {
        List<String> names = config.extension(point.key());
        if (!names.equals(AUTO)) {
            if (names.size() > 1) {
                throw invalid(point, "name one implementation, not " + names.size());
            }
            return named(point, names.get(0));
        }
        Optional<T> bean = cdiBean(point);
        if (bean.isPresent()) {
            LOG.info("oie-filter: {0} is the application''s CDI bean {1}", point, beanClassName(bean.get()));
            return bean.get();
        }
        List<T> provided = provided(point);
        if (provided.size() > 1) {
            throw invalid(point, "several META-INF/services providers (" + classNames(provided) + "): name one");
        }
        if (provided.size() == 1) {
            LOG.info("oie-filter: {0} is {1}, from META-INF/services", point, provided.get(0).getClass().getName());
            return provided.get(0);
        }
        return make(point, point.fallback());
    }

    /**
     * Every implementation of this point: the named ones, or ({@code auto}) every CDI bean and every
     * ServiceLoader provider, each class once.
     *
     * @param point the interface and its setting
     * @param <T> the interface
     * @return the implementations, in that order
     * @throws OieConfigException when the setting or what was found cannot be used
     */
    public <T> List<T> all(ExtensionPoint<T> point) {
        List<String> names = config.extension(point.key());
        List<T> all = new ArrayList<>();
        if (!names.equals(AUTO)) {
            names.forEach(n -> all.add(named(point, n)));
            return all;
        }
        Map<Class<?>, T> byClass = new LinkedHashMap<>(cdiBeans(point));
        provided(point).forEach(p -> byClass.putIfAbsent(p.getClass(), p));
        if (!byClass.isEmpty()) {
            LOG.info("oie-filter: {0}: {1}", point, byClass.keySet().stream().map(Class::getName).toList());
        }
        all.addAll(byClass.values());
        return all;
    }

    private <T> T named(ExtensionPoint<T> point, String name) {
        Supplier<? extends T> builtIn = point.builtIns().get(name);
        if (builtIn != null) {
            return make(point, builtIn);
        }
        if (!name.contains(".")) {
            throw invalid(point, "'" + name + "' is neither built in nor a class name (must be " + point.choices() + ")");
        }
        Class<?> named;
        try {
            named = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw invalid(point, "no class " + name + " in the application (" + e.getClass().getSimpleName() + ")");
        }
        if (!point.type().isAssignableFrom(named)) {
            throw invalid(point, name + " is not a " + point.type().getName());
        }
        Class<? extends T> type = named.asSubclass(point.type());
        Optional<? extends T> bean = cdiBeanOfClass(type);
        if (bean.isPresent()) {
            LOG.info("oie-filter: {0} is {1}, the application''s CDI bean", point, name);
            return bean.get();
        }
        return construct(point, type);
    }

    /** A built-in part; one whose API the server lacks (Jakarta Mail, JCache on Tomcat) says so, naming the setting. */
    private static <T> T make(ExtensionPoint<T> point, Supplier<? extends T> builtIn) {
        try {
            return builtIn.get();
        } catch (LinkageError e) {
            throw invalid(point, "needs a class that neither the server nor the application has: " + e);
        }
    }

    private <T> T construct(ExtensionPoint<T> point, Class<? extends T> type) {
        try {
            for (Constructor<?> c : type.getConstructors()) {
                if (c.getParameterCount() == 1 && offered.containsKey(c.getParameterTypes()[0])) {
                    return point.type().cast(c.newInstance(offered.get(c.getParameterTypes()[0]).get()));
                }
            }
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw invalid(point, type.getName() + " has no public constructor taking nothing"
                    + offered.keySet().stream().map(c -> " or a " + c.getSimpleName()).reduce("", String::concat));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof OieConfigException needsASetting) {
                throw needsASetting;
            }
            throw invalid(point, type.getName() + "'s constructor failed: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (e instanceof OieConfigException needsASetting) {
                throw needsASetting; // what an offered object needs (okta.client.token for the Management port)
            }
            throw invalid(point, "cannot make " + type.getName() + ": " + e);
        }
    }

    private <T> List<T> provided(ExtensionPoint<T> point) {
        List<T> found = new ArrayList<>();
        try {
            Iterator<T> providers = ServiceLoader.load(point.type(), loader).iterator();
            while (providers.hasNext()) {
                found.add(providers.next());
            }
        } catch (ServiceConfigurationError e) {
            throw invalid(point, "a META-INF/services provider cannot be used: " + e.getMessage());
        }
        return found;
    }

    // The CDI API may be missing altogether (Tomcat, Jetty): a LinkageError is "no CDI", as is no container.

    private static <T> Optional<T> cdiBean(ExtensionPoint<T> point) {
        try {
            return CdiBeans.single(point.type());
        } catch (CdiBeans.Ambiguous e) {
            throw invalid(point, "several CDI beans (" + e.getMessage() + "): name one");
        } catch (LinkageError noCdi) {
            return Optional.empty();
        }
    }

    private static <T> Optional<T> cdiBeanOfClass(Class<T> type) {
        try {
            return CdiBeans.ofClass(type);
        } catch (LinkageError noCdi) {
            return Optional.empty();
        }
    }

    private static <T> Map<Class<?>, T> cdiBeans(ExtensionPoint<T> point) {
        try {
            return CdiBeans.every(point.type());
        } catch (LinkageError noCdi) {
            return Map.of();
        }
    }

    private static String beanClassName(Object bean) {
        String name = bean.getClass().getName();
        int proxy = Math.max(name.indexOf("$Proxy"), name.indexOf("$$")); // Weld's and OWB's client proxies
        return proxy > 0 ? name.substring(0, proxy) : name;
    }

    private static String classNames(List<?> objects) {
        return String.join(", ", objects.stream().map(o -> o.getClass().getName()).toList());
    }

    private static OieConfigException invalid(ExtensionPoint<?> point, String why) {
        return new OieConfigException(point.key(), "oie-filter: invalid setting '" + point.key() + "' (" + point.type().getSimpleName()
                + "): " + why);
    }
}
