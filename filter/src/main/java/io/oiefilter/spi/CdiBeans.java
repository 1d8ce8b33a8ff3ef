package io.oiefilter.spi;

import jakarta.enterprise.inject.Instance;
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
            throw new Ambiguous(beans.get().handlesStream().map(h -> h.getBean().getBeanClass().getName()).sorted().toList());
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
        select(type).ifPresent(beans -> beans.handlesStream().forEach(h -> all.putIfAbsent(h.getBean().getBeanClass(), h.get())));
        return all;
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
