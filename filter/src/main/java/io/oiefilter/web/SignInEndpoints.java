package io.oiefilter.web;

import io.oiefilter.log.OieLog;
import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.FlowResult;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignInState;
import io.oiefilter.flow.SignInView;
import io.oiefilter.flow.SignOut;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.session.OieAuthentication;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The filter's own pages under the base path: the sign-in steps and sign-out. */
final class SignInEndpoints {
    static final String SIGN_IN = "/sign-in";
    static final String IDENTIFY = "/identify";
    static final String ANSWER = "/answer";
    static final String NEW_PASSWORD = "/new-password";
    static final String SELECT = "/select";
    static final String RESEND = "/resend";
    static final String SKIP = "/skip";
    static final String FORGOT_PASSWORD = "/forgot-password";
    static final String RESTART = "/restart";
    static final String LOGOUT = "/logout";
    static final String ACTIVATE = "/activate";
    static final String SIGN_UP = "/sign-up";
    static final String REGISTER = "/register";
    static final String STATE_ATTRIBUTE = SignInState.class.getName();
    static final String STEP_PARAMETER = "step";

    private static final Set<String> STEPS = Set.of(IDENTIFY, ANSWER, NEW_PASSWORD, SELECT, RESEND, SKIP, FORGOT_PASSWORD, RESTART,
            SIGN_UP, REGISTER);
    private static final OieLog LOG = OieLog.of(SignInEndpoints.class);

    private final OieConfig config;
    private final SignInFlow flow;
    private final SignOut signOut;

    SignInEndpoints(OieConfig config, SignInFlow flow, SignOut signOut) {
        this.config = config;
        this.flow = flow;
        this.signOut = signOut;
    }

    void handle(String endpoint, HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("Pragma", "no-cache");
        if (SIGN_IN.equals(endpoint) || ACTIVATE.equals(endpoint)) {
            if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
                methodNotAllowed(res, "GET");
            } else if (SIGN_IN.equals(endpoint)) {
                signInPage(req, res);
            } else {
                // The token came in a link from Okta's email; it goes to Okta in a POST body and nowhere else.
                outcome(req, res, flow.activateWithLink(req.getParameter("token"), client(req)), true);
            }
            return;
        }
        if (!STEPS.contains(endpoint) && !LOGOUT.equals(endpoint)) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!"POST".equals(req.getMethod())) {
            methodNotAllowed(res, "POST");
        } else if (!CsrfTokens.isValid(req)) {
            LOG.info("oie-filter: POST {0} refused, missing or wrong CSRF token", endpoint);
            error(req, res, HttpServletResponse.SC_FORBIDDEN, "oie.error.csrf", 0);
        } else if (LOGOUT.equals(endpoint)) {
            logout(req, res);
        } else {
            step(endpoint, req, res);
        }
    }

    private void signInPage(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        HttpSession session = req.getSession(true);
        if (session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE) != null) {
            redirect(req, res, SavedRequests.takeOr(session, config.defaultSuccessPath()));
            return;
        }
        SignInState state = (SignInState) session.getAttribute(STATE_ATTRIBUTE);
        outcome(req, res, state == null ? flow.start() : flow.show(state), false);
    }

    private void step(String endpoint, HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        HttpSession session = req.getSession(false);
        SignInState state = (SignInState) session.getAttribute(STATE_ATTRIBUTE);
        if (state == null) {
            // The sign-in ended (completed elsewhere, or the session was new): begin again on the sign-in page.
            redirect(req, res, config.basePath() + SIGN_IN);
            return;
        }
        if (!RESTART.equals(endpoint) && !stepId(state).equals(req.getParameter(STEP_PARAMETER))) {
            // A form from an earlier page (another tab, the back button): show where the sign-in stands now.
            outcome(req, res, new FlowResult.Page(state, flow.viewOf(state), List.of("oie.error.stalePage")), true);
            return;
        }
        FlowResult result = switch (endpoint) {
            case IDENTIFY -> flow.identify(state, req.getParameter("identifier"), chars(req, "password"), client(req));
            case ANSWER -> flow.answer(state, chars(req, "passcode"));
            case NEW_PASSWORD -> flow.newPassword(state, chars(req, "password"), chars(req, "confirmPassword"));
            case SELECT -> flow.select(state, req.getParameter("authenticator"));
            case RESEND -> flow.resend(state);
            case SKIP -> flow.skip(state);
            case FORGOT_PASSWORD -> flow.forgotPassword(state);
            case SIGN_UP -> flow.signUp(state);
            case REGISTER -> flow.register(state, profileParameters(req, state), client(req));
            default -> flow.restart(state);
        };
        outcome(req, res, result, true);
    }

    private void logout(HttpServletRequest req, HttpServletResponse res) throws IOException {
        HttpSession session = req.getSession(false);
        Optional<URI> throughOkta = signOut.signOut((OieAuthentication) session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE));
        session.invalidate();
        if (throughOkta.isPresent()) {
            res.sendRedirect(throughOkta.get().toString());
        } else {
            redirect(req, res, config.postLogoutPath());
        }
    }

    private void outcome(HttpServletRequest req, HttpServletResponse res, FlowResult result, boolean afterPost)
            throws IOException, ServletException {
        HttpSession session = req.getSession(true);
        if (result instanceof FlowResult.Page page) {
            session.setAttribute(STATE_ATTRIBUTE, page.state());
            if (afterPost && page.messageKeys().isEmpty()) {
                redirect(req, res, config.basePath() + SIGN_IN); // post/redirect/get between steps
                return;
            }
            render(req, res, HttpServletResponse.SC_OK, page);
        } else if (result instanceof FlowResult.SignedIn signedIn) {
            session.removeAttribute(STATE_ATTRIBUTE);
            req.changeSessionId(); // session fixation: the id the browser had before sign-in is dead now
            session.setAttribute(OieAuthentication.SESSION_ATTRIBUTE, signedIn.authentication());
            LOG.info("oie-filter: {0} signed in", signedIn.authentication().user().getName());
            redirect(req, res, SavedRequests.takeOr(session, config.defaultSuccessPath()));
        } else if (result instanceof FlowResult.Failed failed) {
            session.removeAttribute(STATE_ATTRIBUTE);
            int status = failed.retryAfterSeconds() > 0 ? 429 : HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            if (failed.retryAfterSeconds() > 0) {
                res.setHeader("Retry-After", String.valueOf(failed.retryAfterSeconds()));
            }
            error(req, res, status, failed.messageKey(), failed.retryAfterSeconds());
        }
    }

    private void render(HttpServletRequest req, HttpServletResponse res, int status, FlowResult.Page page)
            throws IOException, ServletException {
        SignInState state = page.state();
        IdxStep step = state.transaction().step();
        Optional<IdxRemediation> select = SignInFlow.selectRemediation(step);
        String first = step.first().map(IdxRemediation::name).orElse("");
        SignInPageModel.Details details = new SignInPageModel.Details(
                step.remediation("identify").map(r -> r.hasField("credentials")).orElse(false),
                first.equals("identify-recovery"),
                step.current() != null && step.current().recoverHref() != null,
                first.equals("enroll-authenticator") || first.equals("select-authenticator-enroll"),
                step.remediation("skip").isPresent(),
                select.map(SignInFlow::supportedOptions).orElse(List.of()),
                step.current() == null ? null : step.current().rules(),
                flow.secondsUntilResend(state), 0, step.remediationNames(),
                config.signUpEnabled() && step.remediation("select-enroll-profile").isPresent(),
                step.remediation("enroll-profile").map(SignInFlow::profileFields).orElse(List.of()));
        show(req, res, status, page.view(), page.messageKeys(), state.identifier(), stepId(state), details, page.fieldMessages());
    }

    private void error(HttpServletRequest req, HttpServletResponse res, int status, String messageKey, int retryAfter)
            throws IOException, ServletException {
        show(req, res, status, SignInView.ERROR, List.of(messageKey), null, "", SignInPageModel.Details.forError(retryAfter),
                Map.of());
    }

    private void show(HttpServletRequest req, HttpServletResponse res, int status, SignInView view, List<String> messages,
                      String identifier, String stepId, SignInPageModel.Details details,
                      Map<String, List<String>> fieldMessages) throws IOException, ServletException {
        String csrf = CsrfTokens.tokenFor(req.getSession(true));
        req.setAttribute("oie", new SignInPageModel(view.page(), messages, identifier, csrf,
                req.getContextPath() + config.basePath(), stepId, details, fieldMessages));
        res.setStatus(status);
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        req.getRequestDispatcher(config.viewPrefix() + view.page() + ".jsp").forward(req, res);
    }

    /** A short digest of where the transaction stands; forms carry it back. */
    static String stepId(SignInState state) {
        IdxStep step = state.transaction().step();
        String key = step.stateHandle() + "|" + step.remediationNames() + "|" + step.currentType();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void redirect(HttpServletRequest req, HttpServletResponse res, String appPath) throws IOException {
        res.sendRedirect(res.encodeRedirectURL(req.getContextPath() + appPath));
    }

    private static void methodNotAllowed(HttpServletResponse res, String allowed) throws IOException {
        res.setHeader("Allow", allowed);
        res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    /** The values posted for the fields the sign-up form asked for, and no other parameter. */
    private static Map<String, String> profileParameters(HttpServletRequest req, SignInState state) {
        Map<String, String> values = new LinkedHashMap<>();
        state.transaction().step().remediation("enroll-profile").ifPresent(form -> SignInFlow.profileFields(form).forEach(f -> {
            String v = req.getParameter(f.name());
            if (v != null) {
                values.put(f.name(), v);
            }
        }));
        return values;
    }

    private static SignInFlow.Client client(HttpServletRequest req) {
        return new SignInFlow.Client(req.getRemoteAddr(), req.getLocale());
    }

    private static char[] chars(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v == null ? null : v.toCharArray();
    }
}
