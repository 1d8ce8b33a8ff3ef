package io.oiefilter.web;

import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignOut;
import io.oiefilter.i18n.OktaLanguage;
import io.oiefilter.session.AuthenticatedRequest;
import io.oiefilter.session.OieAuthentication;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Optional;

/**
 * Decides what each request gets: the filter's own pages, the app as the signed-in user, the app
 * as it is (unprotected paths), or the entry point. An ASYNC dispatch is decided like a request; an
 * ERROR dispatch only learns the user. A signed-in request costs one session read and
 * a clock comparison; only when its tokens expire does it renew them (refresh token) or end.
 */
public final class OieRequestHandler {
    /** Request attributes an app's pages use for a sign-out form. */
    public static final String CSRF_TOKEN_ATTRIBUTE = "oieCsrfToken";
    public static final String LOGOUT_URL_ATTRIBUTE = "oieLogoutUrl";

    private final OieConfig config;
    private final SignedInSessions sessions;
    private final SignInEndpoints endpoints;
    private final AuthenticationEntryPoint entryPoint;
    private ReadinessEndpoint readinessView; // set once, before the first request, when oie.readiness.path is set

    public OieRequestHandler(OieConfig config, SignInFlow flow, SignOut signOut, AuthenticationEntryPoint entryPoint) {
        this(config, flow, signOut, entryPoint, io.oiefilter.audit.AuditTrail.logOnly());
    }

    /** @param audit where sign-ins, failures and sign-outs are told */
    public OieRequestHandler(OieConfig config, SignInFlow flow, SignOut signOut, AuthenticationEntryPoint entryPoint,
                             io.oiefilter.audit.AuditTrail audit) {
        this.config = config;
        this.sessions = new SignedInSessions(flow);
        this.endpoints = new SignInEndpoints(config, flow, signOut, new io.oiefilter.audit.FlowAudit(audit));
        this.entryPoint = entryPoint;
    }

    /** Serves the readiness check's operator view at {@code oie.readiness.path}, when that is set. */
    public OieRequestHandler withReadiness(io.oiefilter.readiness.Readiness readiness) {
        this.readinessView = config.readinessPath().isPresent() ? new ReadinessEndpoint(config, readiness) : null;
        return this;
    }

    /** The same sign-in for the container's own authentication (container security mode). */
    public ContainerSignIn containerSignIn() {
        return new ContainerSignIn(config, sessions, entryPoint);
    }

    public void handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req.getDispatcherType() == DispatcherType.ERROR) {
            // The error page of an answer already decided: it learns who is signed in, and is never replaced by a
            // redirect to sign-in (a 404 or 500 must stay what it is, and an error page is not a page to come back to).
            HttpSession session = req.getSession(false);
            Optional<OieAuthentication> auth = sessions.current(session);
            chain.doFilter(auth.isPresent() ? new AuthenticatedRequest(req, auth.get().user()) : req, res);
            return;
        }
        String path = pathWithinApp(req);
        if (readinessView != null && readinessView.serves(path)) {
            readinessView.handle(req, res, sessions.current(req.getSession(false)).map(OieAuthentication::user));
            return;
        }
        String base = config.basePath();
        if (path.startsWith(base + "/")) {
            // Okta words what it says in the language of the page it is shown on.
            try (OktaLanguage.Scope ignored = OktaLanguage.speaking(PageLook.languageOf(req, config.pageLocales()))) {
                endpoints.handle(path.substring(base.length()), req, res);
            }
            return;
        }
        boolean protectedPath = config.protectedPaths().matches(path) && !config.excludedPaths().matches(path);
        HttpSession session = req.getSession(false);
        Optional<OieAuthentication> auth = sessions.current(session);
        if (auth.isPresent()) {
            if (protectedPath) {
                // What a signed-in person sees must not stay in a shared cache or the browser's history cache.
                res.setHeader("Cache-Control", "no-store");
                res.setHeader("Pragma", "no-cache");
            }
            req.setAttribute(CSRF_TOKEN_ATTRIBUTE, CsrfTokens.tokenFor(session));
            req.setAttribute(LOGOUT_URL_ATTRIBUTE, req.getContextPath() + base + SignInEndpoints.LOGOUT);
            chain.doFilter(new AuthenticatedRequest(req, auth.get().user()), res);
            return;
        }
        if (!protectedPath) {
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
