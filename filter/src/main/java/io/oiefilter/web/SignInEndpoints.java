package io.oiefilter.web;

import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.FlowResult;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignInView;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.session.OieAuthentication;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.List;

/** The filter's own pages under the base path: sign-in steps and sign-out. */
final class SignInEndpoints {
    static final String SIGN_IN = "/sign-in";
    static final String IDENTIFY = "/identify";
    static final String PASSWORD = "/password";
    static final String RESTART = "/restart";
    static final String LOGOUT = "/logout";
    static final String TRANSACTION_ATTRIBUTE = IdxTransaction.class.getName();

    private static final System.Logger LOG = System.getLogger(SignInEndpoints.class.getName());

    private final OieConfig config;
    private final SignInFlow flow;

    SignInEndpoints(OieConfig config, SignInFlow flow) {
        this.config = config;
        this.flow = flow;
    }

    void handle(String endpoint, HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        noStore(res);
        boolean post = "POST".equals(req.getMethod());
        switch (endpoint) {
            case SIGN_IN -> {
                if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
                    methodNotAllowed(res, "GET");
                } else {
                    signInPage(req, res);
                }
            }
            case IDENTIFY, PASSWORD, RESTART, LOGOUT -> {
                if (!post) {
                    methodNotAllowed(res, "POST");
                } else if (!CsrfTokens.isValid(req)) {
                    LOG.log(System.Logger.Level.INFO, "oie-filter: POST {0} refused, missing or wrong CSRF token", endpoint);
                    render(req, res, HttpServletResponse.SC_FORBIDDEN, SignInView.ERROR, List.of("oie.error.csrf"), null, null, 0);
                } else {
                    step(endpoint, req, res);
                }
            }
            default -> res.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void signInPage(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        HttpSession session = req.getSession(true);
        if (session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE) != null) {
            redirect(req, res, SavedRequests.takeOr(session, config.defaultSuccessPath()));
            return;
        }
        IdxTransaction tx = (IdxTransaction) session.getAttribute(TRANSACTION_ATTRIBUTE);
        outcome(req, res, tx == null ? flow.start() : flow.show(tx), null, false);
    }

    private void step(String endpoint, HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        HttpSession session = req.getSession(false);
        if (LOGOUT.equals(endpoint)) {
            session.invalidate();
            redirect(req, res, "/");
            return;
        }
        IdxTransaction tx = (IdxTransaction) session.getAttribute(TRANSACTION_ATTRIBUTE);
        if (tx == null) {
            // The transaction ended (sign-in elsewhere, expiry): begin again on the sign-in page.
            redirect(req, res, config.basePath() + SIGN_IN);
            return;
        }
        String identifier = req.getParameter("identifier");
        char[] password = parameterChars(req, "password");
        FlowResult result = switch (endpoint) {
            case IDENTIFY -> flow.identify(tx, identifier, password);
            case PASSWORD -> flow.answerPassword(tx, password);
            default -> flow.restart(tx);
        };
        outcome(req, res, result, identifier, true);
    }

    private void outcome(HttpServletRequest req, HttpServletResponse res, FlowResult result, String identifier, boolean afterPost)
            throws IOException, ServletException {
        HttpSession session = req.getSession(true);
        if (result instanceof FlowResult.Page page) {
            session.setAttribute(TRANSACTION_ATTRIBUTE, page.transaction());
            if (afterPost && page.messageKeys().isEmpty()) {
                redirect(req, res, config.basePath() + SIGN_IN); // post/redirect/get between steps
                return;
            }
            boolean passwordOnSignIn = page.transaction().step().remediation("identify")
                    .map(r -> r.hasField("credentials")).orElse(false);
            render(req, res, HttpServletResponse.SC_OK, page.view(), page.messageKeys(), identifier, page.remediationNames(),
                    0, passwordOnSignIn);
        } else if (result instanceof FlowResult.SignedIn signedIn) {
            session.removeAttribute(TRANSACTION_ATTRIBUTE);
            req.changeSessionId(); // session fixation: the id the browser had before sign-in is dead now
            session.setAttribute(OieAuthentication.SESSION_ATTRIBUTE, signedIn.authentication());
            LOG.log(System.Logger.Level.INFO, "oie-filter: {0} signed in", signedIn.authentication().user().getName());
            redirect(req, res, SavedRequests.takeOr(session, config.defaultSuccessPath()));
        } else if (result instanceof FlowResult.Failed failed) {
            session.removeAttribute(TRANSACTION_ATTRIBUTE);
            int status = failed.retryAfterSeconds() > 0 ? 429 : HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            if (failed.retryAfterSeconds() > 0) {
                res.setHeader("Retry-After", String.valueOf(failed.retryAfterSeconds()));
            }
            render(req, res, status, SignInView.ERROR, List.of(failed.messageKey()), null, List.of(), failed.retryAfterSeconds());
        }
    }

    private void render(HttpServletRequest req, HttpServletResponse res, int status, SignInView view, List<String> messages,
                        String identifier, List<String> remediationNames, int retryAfter) throws IOException, ServletException {
        render(req, res, status, view, messages, identifier, remediationNames, retryAfter, false);
    }

    private void render(HttpServletRequest req, HttpServletResponse res, int status, SignInView view, List<String> messages,
                        String identifier, List<String> remediationNames, int retryAfter, boolean passwordOnSignIn)
            throws IOException, ServletException {
        String csrf = CsrfTokens.tokenFor(req.getSession(true));
        req.setAttribute("oie", new SignInPageModel(view.page(), messages, identifier, passwordOnSignIn, csrf,
                req.getContextPath() + config.basePath(), remediationNames == null ? List.of() : remediationNames, retryAfter));
        res.setStatus(status);
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        req.getRequestDispatcher(config.viewPrefix() + view.page() + ".jsp").forward(req, res);
    }

    private static void redirect(HttpServletRequest req, HttpServletResponse res, String appPath) throws IOException {
        res.sendRedirect(res.encodeRedirectURL(req.getContextPath() + appPath));
    }

    private static void noStore(HttpServletResponse res) {
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("Pragma", "no-cache");
    }

    private static void methodNotAllowed(HttpServletResponse res, String allowed) throws IOException {
        res.setHeader("Allow", allowed);
        res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    private static char[] parameterChars(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v == null ? null : v.toCharArray();
    }
}
