package io.oiefilter.sample.security;

import io.oiefilter.security.OieAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns on container security where the server has Jakarta Security (Payara, WildFly): this bean is the
 * app's authentication mechanism, so {@code @RolesAllowed}, the {@code /app/admin/*} constraint in web.xml
 * and {@code SecurityContext} know who signed in. On a server without CDI (Tomcat, Jetty) nothing loads
 * this class and the filter works alone, as before.
 */
@ApplicationScoped
public class SampleSignIn extends OieAuthenticationMechanism {
}
