package io.oiefilter.security;

import io.oiefilter.log.OieLog;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.Interceptor;

import java.lang.annotation.Annotation;
import java.util.Set;

/**
 * The CDI side of container security. Makes {@link RolesAllowedInterceptor} an interceptor and binds it to
 * CDI beans with {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll} (EJBs are left to their
 * container), and notes whether the application turned container security on (an enabled
 * {@link OieAuthenticationMechanism} bean): the interceptor checks nothing otherwise.
 *
 * <p>Does nothing where the server has no Jakarta Security (a CDI-only Tomcat or Jetty): nothing that
 * needs it is loaded there.
 */
public class OieSecurityExtension implements Extension {
    /** Before the platform's own interceptors' application band: a refused call does no work. */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 150;
    private static final Set<String> EJB_KINDS = Set.of("jakarta.ejb.Stateless", "jakarta.ejb.Stateful", "jakarta.ejb.Singleton",
            "jakarta.ejb.MessageDriven");

    private static final OieLog LOG = OieLog.of(OieSecurityExtension.class);

    private final boolean securityApiPresent = present("jakarta.security.enterprise.SecurityContext");
    private volatile boolean mechanismFound;
    private volatile boolean containerSecurityOn;

    void addInterceptor(@Observes BeforeBeanDiscovery discovery) {
        LOG.debug("oie-filter: CDI extension loaded; Jakarta Security present: {0}", securityApiPresent);
        if (securityApiPresent) {
            discovery.addAnnotatedType(RolesAllowedInterceptor.class, RolesAllowedInterceptor.class.getName())
                    .add(new InterceptorLiteral()).add(RolesChecked.Literal.INSTANCE).add(new PriorityLiteral(PRIORITY));
        }
    }

    <T> void bindRoleChecks(@Observes @WithAnnotations({RolesAllowed.class, PermitAll.class, DenyAll.class})
                            ProcessAnnotatedType<T> type) {
        Class<T> bean = type.getAnnotatedType().getJavaClass();
        if (securityApiPresent && !bean.isInterface() && !isEjb(bean) && !bean.isAnnotationPresent(Interceptor.class)) {
            type.configureAnnotatedType().add(RolesChecked.Literal.INSTANCE);
        }
    }

    /** Every managed bean is seen here (the extension's own BeanManager may not see the application's classes). */
    <T> void noteMechanism(@Observes ProcessManagedBean<T> bean) {
        if (securityApiPresent && OieAuthenticationMechanism.class.isAssignableFrom(bean.getAnnotatedBeanClass().getJavaClass())) {
            mechanismFound = true;
        }
    }

    void noteMode(@Observes AfterDeploymentValidation done) {
        containerSecurityOn = mechanismFound;
        if (containerSecurityOn) {
            LOG.info("oie-filter: container security is on (an OieAuthenticationMechanism bean): @RolesAllowed, @PermitAll and "
                    + "@DenyAll are checked on CDI beans too");
        }
    }

    /** Whether this application has an enabled {@link OieAuthenticationMechanism} bean. */
    public boolean containerSecurityOn() {
        return containerSecurityOn;
    }

    private static boolean isEjb(Class<?> type) {
        for (Annotation a : type.getAnnotations()) {
            if (EJB_KINDS.contains(a.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, OieSecurityExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static final class InterceptorLiteral extends AnnotationLiteral<Interceptor> implements Interceptor {
        private static final long serialVersionUID = 1L;
    }

    private static final class PriorityLiteral extends AnnotationLiteral<Priority> implements Priority {
        private static final long serialVersionUID = 1L;
        private final int value;

        PriorityLiteral(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }
    }
}
