package io.oiefilter.spi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application's CDI beans of a type, through {@code CDI.current()}. The only class that touches the CDI
 * API: a server without CDI (Tomcat, Jetty) has no such classes, so every call here is made inside a guard
 * ({@link Extensions}) that reads a {@link LinkageError} as "no CDI".
 */
final class CdiBeans {
    /** More than one bean has the type: the setting must name one. */
    static final class Ambiguous extends Exception {
        Ambiguous(List<String> beanClasses) {
            super(String.join(", ", beanClasses));
        }
    }

    private CdiBeans() {
    }

    /** The one bean of this type; empty without CDI, outside a bean archive, or when there is none. */
    static <T> Optional<T> single(Class<T> type) throws Ambiguous {
        Optional<Instance<T>> beans = select(type);
        if (beans.isEmpty() || beans.get().isUnsatisfied()) {
            return Optional.empty();
        }
        if (beans.get().isAmbiguous()) {
            throw new Ambiguous(beans(type).stream().map(b -> b.getBeanClass().getName()).sorted().toList());
        }
        return Optional.of(beans.get().get());
    }

    /** The bean of exactly this class, when CDI manages it (so it gets its injections); else empty. */
    static <T> Optional<T> ofClass(Class<T> type) {
        Optional<Instance<T>> beans = select(type);
        return beans.isPresent() && beans.get().isResolvable() ? Optional.of(beans.get().get()) : Optional.empty();
    }

    /** Every bean of this type, by bean class (a client proxy's class says nothing). */
    static <T> Map<Class<?>, T> every(Class<T> type) {
        Map<Class<?>, T> all = new LinkedHashMap<>();
        if (select(type).isEmpty()) {
            return all;
        }
        BeanManager manager = CDI.current().getBeanManager();
        for (Bean<?> bean : beans(type)) {
            all.putIfAbsent(bean.getBeanClass(), type.cast(manager.getReference(bean, type, manager.createCreationalContext(bean))));
        }
        return all;
    }

    /**
     * The beans of this type, through the BeanManager (CDI 1.1 and later: the javax flavour compiles this
     * against CDI 2.0, which has no {@code Instance.handlesStream()}).
     */
    private static java.util.Set<Bean<?>> beans(Class<?> type) {
        return CDI.current().getBeanManager().getBeans(type);
    }

    private static <T> Optional<Instance<T>> select(Class<T> type) {
        CDI<Object> cdi;
        try {
            cdi = CDI.current();
        } catch (RuntimeException noContainer) {
            return Optional.empty(); // CDI's API is here, but no container runs this application
        }
        return Optional.of(cdi.select(type));
    }
}
