package io.oiefilter.web;

import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignOut;
import io.oiefilter.session.AuthenticatedRequest;
import io.oiefilter.session.OieAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Decides what each request gets: the filter's own pages, the app as the signed-in user, the app
 * as it is (unprotected paths), or the entry point. An authenticated request costs one session
 * attribute read: no network, no crypto.
 */
public final class OieRequestHandler {
    /** Request attributes an app's pages use for a sign-out form. */
    public static final String CSRF_TOKEN_ATTRIBUTE = "oieCsrfToken";
    public static final String LOGOUT_URL_ATTRIBUTE = "oieLogoutUrl";

    private final OieConfig config;
    private final SignInEndpoints endpoints;
    private final AuthenticationEntryPoint entryPoint;

    public OieRequestHandler(OieConfig config, SignInFlow flow, SignOut signOut, AuthenticationEntryPoint entryPoint) {
        this.config = config;
        this.endpoints = new SignInEndpoints(config, flow, signOut);
        this.entryPoint = entryPoint;
    }

    public void handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        String path = pathWithinApp(req);
        String base = config.basePath();
        if (path.startsWith(base + "/")) {
            endpoints.handle(path.substring(base.length()), req, res);
            return;
        }
        HttpSession session = req.getSession(false);
        Object auth = session == null ? null : session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE);
        if (auth instanceof OieAuthentication authentication) {
            req.setAttribute(CSRF_TOKEN_ATTRIBUTE, CsrfTokens.existingToken(session));
            req.setAttribute(LOGOUT_URL_ATTRIBUTE, req.getContextPath() + base + SignInEndpoints.LOGOUT);
            chain.doFilter(new AuthenticatedRequest(req, authentication.user()), res);
            return;
        }
        if (!config.protectedPaths().matches(path) || config.excludedPaths().matches(path)) {
            chain.doFilter(req, res);
            return;
        }
        entryPoint.commence(req, res, base + SignInEndpoints.SIGN_IN);
    }

    /** The container-decoded and normalised path inside the app (no "..", no context path). */
    static String pathWithinApp(HttpServletRequest req) {
        String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
        String pathInfo = req.getPathInfo() == null ? "" : req.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }
}
