package io.oiefilter.security;

import io.oiefilter.log.OieLog;
import io.oiefilter.session.OieUser;
import io.oiefilter.web.ContainerSignIn;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Container security mode: the Jakarta Security authentication mechanism that tells the container who
 * signed in through the filter, so that {@code @RolesAllowed}, {@code <security-constraint>},
 * {@code SecurityContext} and {@code request.authenticate()} know the user. It decides nothing itself:
 * the sign-in stays the filter's ({@link ContainerSignIn}, published by {@code OieFilter}), and its pages
 * under {@code oie.basePath} keep doing it.
 *
 * <p>Not a CDI bean by itself (an app that does not ask for it is left as it was). Turn it on by
 * declaring one in the application:
 * <pre>{@code @ApplicationScoped
 * public class SignIn extends OieAuthenticationMechanism {}}</pre>
 *
 * <p>On every request: a signed-in session makes the session's user the caller, with the roles of the
 * claims mapper as groups. Without one, a protected resource or {@code request.authenticate()} starts the
 * sign-in exactly as the filter would (a browser goes to the sign-in page and comes back to this GET;
 * an API client gets 401) and the container is told the response is under way ({@code SEND_CONTINUE}).
 * {@code request.logout()} ends the sign-in in the session; the filter's sign-out logs the container out.
 */
public class OieAuthenticationMechanism implements HttpAuthenticationMechanism {
    private static final OieLog LOG = OieLog.of(OieAuthenticationMechanism.class);

    private final AtomicBoolean refusalLogged = new AtomicBoolean();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        boolean mustAuthenticate = context.isProtected() || context.isAuthenticationRequest();
        Optional<ContainerSignIn> filter = ContainerSignIn.of(request.getServletContext());
        if (filter.isEmpty()) {
            if (mustAuthenticate) {
                LOG.warn("oie-filter: container security is on but the filter is not running in {0}: refused",
                        request.getServletContext().getContextPath());
                return context.responseUnauthorized();
            }
            return context.doNothing();
        }
        ContainerSignIn signIn = filter.get();
        Optional<OieUser> user = signIn.signedIn(request);
        if (user.isPresent()) {
            try {
                AuthenticationStatus told = context.notifyContainerAboutLogin(user.get(), new HashSet<>(user.get().getRoles()));
                signIn.toldContainer(request);
                return told;
            } catch (IllegalStateException refused) {
                return refusedByContainer(request, context, refused);
            }
        }
        if (!mustAuthenticate || signIn.isFilterPage(request)) {
            return context.doNothing(); // anonymous, as the filter would let it be (the sign-in pages among them)
        }
        try {
            signIn.startSignIn(request, response);
        } catch (IOException e) {
            LOG.warn("oie-filter: could not send the browser to sign in: {0}", e.getMessage());
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * The container would not take the caller (WildFly with its integrated JASPI on: it looks for the user
     * among its own). The filter still serves the person on its paths; the container's security sees nobody,
     * so what it protects stays closed. Said once, with the fix.
     */
    private AuthenticationStatus refusedByContainer(HttpServletRequest request, HttpMessageContext context, RuntimeException e) {
        if (refusalLogged.compareAndSet(false, true)) {
            LOG.error("oie-filter: the container refused the signed-in caller, so container security is off in {0} ({1}). "
                    + "On WildFly set integrated-jaspi=false on the undertow application-security-domain (the README says how).",
                    request.getServletContext().getContextPath(), e.getMessage());
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        ContainerSignIn.of(request.getServletContext()).ifPresent(signIn -> signIn.endSignIn(request));
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
