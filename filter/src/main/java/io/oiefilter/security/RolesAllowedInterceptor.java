package io.oiefilter.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on CDI beans, which Jakarta EE 10
 * servers enforce on EJBs only: the method's annotation, else its class's, checked against Jakarta
 * Security's caller ({@code SecurityContext.isCallerInRole}). A refusal throws {@link NotInRoleException}.
 * In an application that did not turn container security on, it lets every call through, as before.
 * {@link OieSecurityExtension} makes it an interceptor; it is not one by itself.
 */
public class RolesAllowedInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;

    // Built-in beans, passivation capable: the interceptor may serve a session-scoped bean.
    @Inject
    BeanManager beans;
    @Inject
    Instance<SecurityContext> security;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        if (!containerSecurityOn()) {
            return invocation.proceed();
        }
        Method method = invocation.getMethod();
        AnnotatedElement decides = decides(method) ? method : beanClass(invocation, method);
        if (decides.isAnnotationPresent(DenyAll.class)) {
            throw new NotInRoleException(method.getDeclaringClass().getSimpleName() + "." + method.getName() + " is @DenyAll");
        }
        RolesAllowed roles = decides.getAnnotation(RolesAllowed.class);
        if (roles == null || decides.isAnnotationPresent(PermitAll.class)) {
            return invocation.proceed();
        }
        SecurityContext caller = security();
        if (caller.getCallerPrincipal() != null && Arrays.stream(roles.value()).anyMatch(caller::isCallerInRole)) {
            return invocation.proceed();
        }
        throw new NotInRoleException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + " needs one of the roles " + Arrays.toString(roles.value()));
    }

    boolean containerSecurityOn() {
        return beans.getExtension(OieSecurityExtension.class).containerSecurityOn();
    }

    SecurityContext security() {
        return security.get();
    }

    private static boolean decides(AnnotatedElement e) {
        return e.isAnnotationPresent(RolesAllowed.class) || e.isAnnotationPresent(PermitAll.class) || e.isAnnotationPresent(DenyAll.class);
    }

    /** The bean's own class (not the container's proxy subclass) or the superclass that carries the annotations. */
    private static AnnotatedElement beanClass(InvocationContext invocation, Method method) {
        Class<?> type = invocation.getTarget() == null ? method.getDeclaringClass() : invocation.getTarget().getClass();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (decides(c)) {
                return c;
            }
        }
        return method.getDeclaringClass();
    }
}
