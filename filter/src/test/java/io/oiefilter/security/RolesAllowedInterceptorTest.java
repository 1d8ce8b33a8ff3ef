package io.oiefilter.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on a CDI bean, checked against Jakarta Security's caller. */
class RolesAllowedInterceptorTest {

    @RolesAllowed("Admins")
    static class Reports {
        public String summary() { return "summary"; }

        @PermitAll
        public String title() { return "title"; }

        @RolesAllowed({"Auditors", "Readers"})
        public String audit() { return "audit"; }

        @DenyAll
        public String purge() { return "purge"; }
    }

    /** The container's subclass of the bean, as a CDI proxy would be: the annotations are on its superclass. */
    static class ReportsProxy extends Reports {
    }

    static class Plain {
        @RolesAllowed("Admins")
        public String secret() { return "secret"; }

        public String open() { return "open"; }
    }

    private static Object call(boolean containerSecurityOn, Object target, String method, String caller, Set<String> roles)
            throws Exception {
        SecurityContext fake = security(caller, roles);
        RolesAllowedInterceptor interceptor = new RolesAllowedInterceptor() {
            @Override
            boolean containerSecurityOn() {
                return containerSecurityOn;
            }

            @Override
            SecurityContext security() {
                return fake;
            }
        };
        Method m = target.getClass().getMethod(method);
        return interceptor.check(invocation(target, m));
    }

    @Test
    void theClassesRolesGuardItsMethods() throws Exception {
        assertEquals("summary", call(true, new ReportsProxy(), "summary", "alice", Set.of("Admins")));
        NotInRoleException refused = assertThrows(NotInRoleException.class,
                () -> call(true, new ReportsProxy(), "summary", "rita", Set.of("Readers")));
        assertTrue(refused.getMessage().contains("summary needs one of the roles [Admins]"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("rita"), "the message names no caller");
    }

    @Test
    void aMethodsOwnAnnotationWins() throws Exception {
        assertEquals("title", call(true, new ReportsProxy(), "title", null, Set.of()), "@PermitAll: even without a caller");
        assertEquals("audit", call(true, new ReportsProxy(), "audit", "rita", Set.of("Readers")), "any one of the roles");
        assertThrows(NotInRoleException.class, () -> call(true, new ReportsProxy(), "audit", "alice", Set.of("Admins")));
        assertThrows(NotInRoleException.class, () -> call(true, new ReportsProxy(), "purge", "alice", Set.of("Admins")), "@DenyAll");
    }

    @Test
    void noCallerIsInNoRole() {
        assertThrows(NotInRoleException.class, () -> call(true, new Plain(), "secret", null, Set.of("Admins")));
    }

    @Test
    void unannotatedMethodsOfAPlainBeanAreOpen() throws Exception {
        assertEquals("open", call(true, new Plain(), "open", null, Set.of()));
    }

    @Test
    void withoutContainerSecurityEveryCallGoesThroughAsBefore() throws Exception {
        assertEquals("secret", call(false, new Plain(), "secret", null, Set.of()));
        assertEquals("purge", call(false, new Reports(), "purge", null, Set.of()));
    }

    private static SecurityContext security(String caller, Set<String> roles) {
        Principal principal = caller == null ? null : () -> caller;
        return (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(), new Class<?>[]{SecurityContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> principal;
                    case "isCallerInRole" -> principal != null && roles.contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static InvocationContext invocation(Object target, Method method) {
        return (InvocationContext) Proxy.newProxyInstance(InvocationContext.class.getClassLoader(), new Class<?>[]{InvocationContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getTarget" -> target;
                    case "getMethod" -> method;
                    case "getContextData" -> Map.of();
                    case "proceed" -> method.invoke(target);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
