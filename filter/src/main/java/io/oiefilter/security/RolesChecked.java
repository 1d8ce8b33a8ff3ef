package io.oiefilter.security;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link RolesAllowedInterceptor}. Applications do not write it: {@link OieSecurityExtension}
 * adds it to CDI beans (not EJBs, whose container checks them already) that carry {@code @RolesAllowed},
 * {@code @PermitAll} or {@code @DenyAll}.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RolesChecked {

    /** The annotation as a value, for the extension. */
    final class Literal extends AnnotationLiteral<RolesChecked> implements RolesChecked {
        private static final long serialVersionUID = 1L;
        static final Literal INSTANCE = new Literal();
    }
}
