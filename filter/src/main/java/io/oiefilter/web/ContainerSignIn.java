package io.oiefilter.web;

import io.oiefilter.config.OieConfig;
import io.oiefilter.log.OieLog;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.session.OieUser;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Optional;

/**
 * The filter's sign-in as the container's own authentication sees it: who is signed in, starting a
 * sign-in, ending one. The servlet API only (no Jakarta Security here), so any container integration
 * can use it; {@code io.oiefilter.security.OieAuthenticationMechanism} is the Jakarta Security one.
 * The filter publishes it in its {@link ServletContext} when it starts ({@link #of}); its pages
 * under {@code oie.basePath} keep doing the sign-in itself.
 */
public final class ContainerSignIn {
    /** The servlet context attribute the filter publishes it under. */
    public static final String CONTEXT_ATTRIBUTE = ContainerSignIn.class.getName();
    /** Marks a request whose caller the container was told about: the filter's sign-out then logs the container out too. */
    public static final String CONTAINER_AUTHENTICATED = ContainerSignIn.class.getName() + ".told";
    private static final OieLog LOG = OieLog.of(ContainerSignIn.class);

    private final OieConfig config;
    private final SignedInSessions sessions;
    private final AuthenticationEntryPoint entryPoint;

    ContainerSignIn(OieConfig config, SignedInSessions sessions, AuthenticationEntryPoint entryPoint) {
        this.config = config;
        this.sessions = sessions;
        this.entryPoint = entryPoint;
    }

    /** The running filter's, when it started correctly in this application. */
    public static Optional<ContainerSignIn> of(ServletContext context) {
        return context.getAttribute(CONTEXT_ATTRIBUTE) instanceof ContainerSignIn signIn ? Optional.of(signIn) : Optional.empty();
    }

    /** Who is signed in on this request's session (the sign-in renewed or ended as the filter would); no session is made. */
    public Optional<OieUser> signedIn(HttpServletRequest request) {
        return sessions.current(request.getSession(false)).map(OieAuthentication::user);
    }

    /** Whether this is one of the filter's own pages (sign-in, its steps, sign-out), which everyone may reach. */
    public boolean isFilterPage(HttpServletRequest request) {
        return OieRequestHandler.pathWithinApp(request).startsWith(config.basePath() + "/");
    }

    /**
     * What the filter does for a protected page without a sign-in: a browser is sent to the sign-in page
     * with this GET remembered for after, an API client gets 401. The response is complete afterwards.
     */
    public void startSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        entryPoint.commence(request, response, config.basePath() + SignInEndpoints.SIGN_IN);
    }

    /** Notes that the container now knows this request's caller from the filter's sign-in. */
    public void toldContainer(HttpServletRequest request) {
        request.setAttribute(CONTAINER_AUTHENTICATED, Boolean.TRUE);
    }

    /**
     * Ends the sign-in in this session, as {@code request.logout()} asks of the container: the session
     * stays (and the tokens are not revoked: the filter's sign-out form does that and ends Okta's session).
     */
    public void endSignIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE) instanceof OieAuthentication auth) {
            session.removeAttribute(OieAuthentication.SESSION_ATTRIBUTE);
            LOG.info("oie-filter: {0} signed out of this application (request.logout())", auth.user().getName());
        }
    }
}
