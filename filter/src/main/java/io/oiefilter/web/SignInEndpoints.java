package io.oiefilter.web;

import io.oiefilter.config.OieConfig;
import io.oiefilter.audit.FlowAudit;
import io.oiefilter.flow.FlowResult;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.PageContent;
import io.oiefilter.flow.SignInState;
import io.oiefilter.flow.SignInView;
import io.oiefilter.flow.SignOut;
import io.oiefilter.log.OieLog;
import io.oiefilter.session.OieAuthentication;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
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
    static final String ANSWER_QUESTION = "/answer-question";
    static final String SEND_PHONE_CODE = "/phone";
    static final String WEBAUTHN = "/webauthn";
    static final String NEW_PASSWORD = "/new-password";
    static final String SELECT = "/select";
    static final String RESEND = "/resend";
    static final String SKIP = "/skip";
    static final String FORGOT_PASSWORD = "/forgot-password";
    static final String RESTART = "/restart";
    static final String HAVE_ACCOUNT = "/have-account";
    static final String UNLOCK = "/unlock";
    static final String UNLOCK_ACCOUNT = "/unlock-account";
    static final String SIGNED_OUT = "/signed-out";
    static final String LOGOUT = "/logout";
    static final String ACTIVATE = "/activate";
    static final String SIGN_UP = "/sign-up";
    static final String REGISTER = "/register";
    static final String VERIFY_POLL = "/verify-poll";
    static final String VERIFY_CHANNEL = "/verify-channel";
    static final String VERIFY_METHOD = "/verify-method";
    static final String STATE_ATTRIBUTE = SignInState.class.getName();
    static final String STEP_PARAMETER = "step";

    /**
     * What each page offers. A form posted to anything else (an older page in another tab, or a
     * probe) is shown where the sign-in stands: in particular the activation pages answer only their
     * own actions, alike for every account.
     */
    private static final Map<SignInView, Set<String>> ACTIONS = new EnumMap<>(Map.ofEntries(
            Map.entry(SignInView.IDENTIFY, Set.of(IDENTIFY, FORGOT_PASSWORD, SIGN_UP, UNLOCK, RESTART)),
            Map.entry(SignInView.UNLOCK, Set.of(UNLOCK_ACCOUNT, RESTART)),
            Map.entry(SignInView.TERMINAL, Set.of(RESTART)),
            Map.entry(SignInView.SIGN_UP, Set.of(REGISTER, HAVE_ACCOUNT, RESTART)),
            Map.entry(SignInView.PASSWORD, Set.of(ANSWER, FORGOT_PASSWORD, RESTART)),
            Map.entry(SignInView.CODE, Set.of(ANSWER, RESEND, SKIP, RESTART)),
            Map.entry(SignInView.OTP, Set.of(ANSWER, SKIP, RESTART)),
            Map.entry(SignInView.QUESTION, Set.of(ANSWER_QUESTION, SKIP, RESTART)),
            Map.entry(SignInView.PHONE, Set.of(SEND_PHONE_CODE, SKIP, RESTART)),
            Map.entry(SignInView.WEBAUTHN, Set.of(WEBAUTHN, SKIP, RESTART)),
            Map.entry(SignInView.SELECT, Set.of(SELECT, SKIP, RESTART)),
            Map.entry(SignInView.OKTA_VERIFY, Set.of(ANSWER, VERIFY_POLL, VERIFY_CHANNEL, VERIFY_METHOD, SKIP, RESTART)),
            Map.entry(SignInView.ACTIVATION_CODE, Set.of(ANSWER, RESEND, RESTART)),
            Map.entry(SignInView.ACTIVATION_EMAIL, Set.of(RESTART)),
            Map.entry(SignInView.NEW_PASSWORD, Set.of(NEW_PASSWORD, SKIP, RESTART)),
            Map.entry(SignInView.UNSUPPORTED, Set.of(RESTART)),
            Map.entry(SignInView.ERROR, Set.of(RESTART))));
    private static final Set<String> STEPS = Set.of(IDENTIFY, ANSWER, NEW_PASSWORD, SELECT, RESEND, SKIP, FORGOT_PASSWORD, RESTART,
            SIGN_UP, REGISTER, HAVE_ACCOUNT, UNLOCK, UNLOCK_ACCOUNT, ANSWER_QUESTION, SEND_PHONE_CODE, WEBAUTHN, VERIFY_POLL,
            VERIFY_CHANNEL, VERIFY_METHOD);
    private static final OieLog LOG = OieLog.of(SignInEndpoints.class);

    private final OieConfig config;
    private final SignInFlow flow;
    private final SignOut signOut;
    private final FlowAudit audit;
    private final SignInPages pages;
    private final ClientAddresses addresses;

    SignInEndpoints(OieConfig config, SignInFlow flow, SignOut signOut, FlowAudit audit) {
        this.config = config;
        this.flow = flow;
        this.signOut = signOut;
        this.audit = audit;
        this.pages = new SignInPages(config, flow);
        this.addresses = new ClientAddresses(config.trustedProxies());
    }

    void handle(String endpoint, HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("Pragma", "no-cache");
        boolean get = SIGN_IN.equals(endpoint) || ACTIVATE.equals(endpoint) || SIGNED_OUT.equals(endpoint);
        String method = req.getMethod();
        boolean allowed = get ? "GET".equals(method) || "HEAD".equals(method) : "POST".equals(method);
        if (!get && !STEPS.contains(endpoint) && !LOGOUT.equals(endpoint)) {
            pages.error(req, res, HttpServletResponse.SC_NOT_FOUND, "oie.error.notFound", 0);
        } else if (!allowed) {
            res.setHeader("Allow", get ? "GET, HEAD" : "POST");
            pages.error(req, res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "oie.error.methodNotAllowed", 0);
        } else if (SIGN_IN.equals(endpoint)) {
            signInPage(req, res);
        } else if (ACTIVATE.equals(endpoint)) {
            activationLink(req, res);
        } else if (SIGNED_OUT.equals(endpoint)) {
            signedOut(req, res);
        } else {
            post(endpoint, req, res);
        }
    }

    private void post(String endpoint, HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        FormInput form;
        try {
            form = FormInput.read(req);
        } catch (FormInput.Refused e) {
            LOG.info("oie-filter: POST {0} refused: {1}", endpoint, e.getMessage());
            if (req.getContentLengthLong() > FormInput.MAX_DISCARDED_BYTES) {
                res.setHeader("Connection", "close"); // not worth reading: the client may stop sending
            }
            pages.error(req, res, e.status, e.status == 413 ? "oie.error.tooLarge" : "oie.error.badInput", 0);
            return;
        }
        if (!CsrfTokens.isValid(req.getSession(false), form.get(CsrfTokens.PARAMETER))) {
            LOG.info("oie-filter: POST {0} refused, missing or wrong CSRF token", endpoint);
            pages.error(req, res, HttpServletResponse.SC_FORBIDDEN, "oie.error.csrf", 0);
        } else if (LOGOUT.equals(endpoint)) {
            logout(req, res);
        } else {
            step(endpoint, form, req, res);
        }
    }

    private void signInPage(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        HttpSession session = SessionCookies.session(req, res);
        if (session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE) != null) {
            redirect(req, res, SavedRequests.takeOr(session, config.defaultSuccessPath()));
            return;
        }
        Flash flash = "GET".equals(req.getMethod()) ? Flash.take(session) : null;
        if (flash != null && flash.isError()) {
            pages.error(req, res, flash.status(), flash.errorKey(), flash.retryAfter());
            return;
        }
        SignInState state = (SignInState) session.getAttribute(STATE_ATTRIBUTE);
        FlowResult result = state == null ? flow.start() : flow.show(state);
        if (flash != null && result instanceof FlowResult.Page page && flash.stepId().equals(SignInPages.stepId(page.state()))) {
            session.setAttribute(STATE_ATTRIBUTE, page.state());
            pages.render(req, res, HttpServletResponse.SC_OK,
                    new FlowResult.Page(page.state(), page.view(), flash.messageKeys(), flash.fieldMessages()), flash.formValues());
            return;
        }
        outcome(req, res, result, false);
    }

    /** Where sign-out ends (Okta's post-logout redirect too): says so; Okta's {@code ?state=} is dropped from the address. */
    private void signedOut(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        if (req.getQueryString() != null) {
            redirect(req, res, config.basePath() + SIGNED_OUT);
            return;
        }
        pages.plain(req, res, SignInView.SIGNED_OUT, List.of("oie.info.signedOut"));
    }

    private void activationLink(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        String token;
        try {
            token = req.getParameter("token");
        } catch (RuntimeException e) {
            pages.error(req, res, HttpServletResponse.SC_BAD_REQUEST, "oie.error.activationLinkInvalid", 0);
            return;
        }
        // The token came in a link from Okta's email; it goes to Okta in a POST body and nowhere else.
        outcome(req, res, flow.activateWithLink(token, client(req)), true, Map.of());
    }

    private void step(String endpoint, FormInput form, HttpServletRequest req, HttpServletResponse res)
            throws IOException, ServletException {
        HttpSession session = req.getSession(false);
        SignInState state = (SignInState) session.getAttribute(STATE_ATTRIBUTE);
        if (state == null) {
            // The sign-in ended (completed elsewhere, or the session was new): begin again on the sign-in page.
            redirect(req, res, config.basePath() + SIGN_IN);
            return;
        }
        SignInView view = flow.viewOf(state);
        boolean current = RESTART.equals(endpoint)
                || (SignInPages.stepId(state).equals(form.get(STEP_PARAMETER))
                        && ACTIONS.getOrDefault(view, Set.of(RESTART)).contains(endpoint));
        if (!current) {
            // A form from an earlier page (another tab, the back button): show where the sign-in stands now.
            outcome(req, res, new FlowResult.Page(state, view, List.of("oie.error.stalePage")), true, Map.of());
            return;
        }
        FlowResult result = switch (endpoint) {
            case IDENTIFY -> flow.identify(state, form.get("identifier"), form.chars("password"), form.get("rememberMe") != null,
                    client(req));
            case ANSWER -> flow.answer(state, form.chars("passcode"));
            case ANSWER_QUESTION -> flow.answerQuestion(state, form.get("questionKey"), form.get("question"), form.chars("answer"));
            case SEND_PHONE_CODE -> flow.sendPhoneCode(state, form.get("methodType"), form.get("phoneNumber"));
            case WEBAUTHN -> flow.webAuthn(state, form.values(FormInput.WEBAUTHN_FIELDS));
            case NEW_PASSWORD -> flow.newPassword(state, form.chars("password"), form.chars("confirmPassword"));
            case SELECT -> flow.select(state, form.get("authenticator"));
            case RESEND -> flow.resend(state);
            case SKIP -> flow.skip(state);
            case FORGOT_PASSWORD -> flow.forgotPassword(state);
            case SIGN_UP -> flow.signUp(state);
            case REGISTER -> flow.register(state, profileParameters(form, state), client(req));
            case HAVE_ACCOUNT -> flow.identifyInstead(state);
            case VERIFY_POLL -> flow.pollOktaVerify(state);
            case VERIFY_CHANNEL -> flow.oktaVerifyChannel(state, form.get("channel"), form.get("to"));
            case VERIFY_METHOD -> flow.oktaVerifyMethod(state, form.get("method"));
            case UNLOCK -> flow.unlock(state);
            case UNLOCK_ACCOUNT -> flow.unlockAccount(state, form.get("identifier"), form.get("authenticator"));
            default -> flow.restart(state);
        };
        audit.step(state, result, client(req).address());
        // The sign-up form's values come back with its refusal (never a password: the form has none).
        outcome(req, res, result, true, REGISTER.equals(endpoint) ? profileParameters(form, state)
                : ANSWER_QUESTION.equals(endpoint) ? typed(form, "questionKey", "question")
                : SEND_PHONE_CODE.equals(endpoint) ? typed(form, "methodType", "phoneNumber") : Map.of());
    }

    private void logout(HttpServletRequest req, HttpServletResponse res) throws IOException {
        HttpSession session = req.getSession(false);
        OieAuthentication signedIn = (OieAuthentication) session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE);
        Optional<URI> throughOkta = signOut.signOut(signedIn);
        if (signedIn != null) {
            audit.signedOut(signedIn.user().getName(), client(req).address());
        }
        if (req.getAttribute(ContainerSignIn.CONTAINER_AUTHENTICATED) != null) {
            try {
                req.logout(); // the container's caller ends with the sign-in (container security mode)
            } catch (ServletException e) {
                LOG.warn("oie-filter: the container did not log out: {0}", e.getMessage());
            }
        }
        session.invalidate();
        if (throughOkta.isPresent()) {
            res.sendRedirect(throughOkta.get().toString());
        } else {
            redirect(req, res, config.basePath() + SIGNED_OUT);
        }
    }

    private void outcome(HttpServletRequest req, HttpServletResponse res, FlowResult result, boolean afterPost)
            throws IOException, ServletException {
        outcome(req, res, result, afterPost, Map.of());
    }

    /**
     * Stores what the result leaves and answers it. After a POST (or an activation link) the answer is
     * always a redirect, its messages carried in a {@link Flash}: reload and back never repeat an action.
     */
    private void outcome(HttpServletRequest req, HttpServletResponse res, FlowResult result, boolean afterPost,
                         Map<String, String> formValues) throws IOException, ServletException {
        HttpSession session = SessionCookies.session(req, res);
        if (result instanceof FlowResult.Page page) {
            session.setAttribute(STATE_ATTRIBUTE, page.state());
            if (afterPost) {
                if (!page.messageKeys().isEmpty() || !page.fieldMessages().isEmpty()) {
                    Flash.page(SignInPages.stepId(page.state()), page.messageKeys(), page.fieldMessages(), formValues).store(session);
                }
                redirect(req, res, config.basePath() + SIGN_IN);
                return;
            }
            pages.render(req, res, HttpServletResponse.SC_OK, page, Map.of());
        } else if (result instanceof FlowResult.SignedIn signedIn) {
            session.removeAttribute(STATE_ATTRIBUTE);
            req.changeSessionId(); // session fixation: the id the browser had before sign-in is dead now
            SessionCookies.harden(req, res);
            CsrfTokens.rotate(session); // and so is the token its forms carried
            session.setAttribute(OieAuthentication.SESSION_ATTRIBUTE, signedIn.authentication());
            LOG.info("oie-filter: {0} signed in", signedIn.authentication().user().getName());
            redirect(req, res, SavedRequests.takeOr(session, config.defaultSuccessPath()));
        } else if (result instanceof FlowResult.Failed failed) {
            if (!failed.keepsSignIn() && (failed.status() == 429 || failed.status() >= 500)) {
                // Okta could not go on; a bad link, or a server too busy to ask Okta, leaves a sign-in as it was
                session.removeAttribute(STATE_ATTRIBUTE);
            }
            // A bad activation link (a GET) keeps its 4xx; a script gets its JSON error at once, not through a redirect.
            if (afterPost && "POST".equals(req.getMethod()) && !DefaultAuthenticationEntryPoint.isApiRequest(req)) {
                Flash.error(failed.messageKey(), failed.status(), failed.retryAfterSeconds()).store(session);
                redirect(req, res, config.basePath() + SIGN_IN);
                return;
            }
            pages.error(req, res, failed.status(), failed.messageKey(), failed.retryAfterSeconds());
        }
    }

    private static void redirect(HttpServletRequest req, HttpServletResponse res, String appPath) throws IOException {
        res.sendRedirect(res.encodeRedirectURL(req.getContextPath() + appPath));
    }

    /** What was chosen or typed, shown back with a refusal: a question set up (never the answer), a phone number. */
    private static Map<String, String> typed(FormInput form, String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        java.util.Arrays.stream(names).filter(n -> form.get(n) != null).forEach(n -> values.put(n, form.get(n)));
        return values;
    }

    /** The values posted for the fields the sign-up form asked for, and no other parameter. */
    private Map<String, String> profileParameters(FormInput form, SignInState state) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PageContent.Field f : flow.pageOf(state, flow.viewOf(state)).profileFields()) {
            String v = form.get(f.name());
            if (v != null) {
                values.put(f.name(), v);
            }
        }
        return values;
    }

    private SignInFlow.Client client(HttpServletRequest req) {
        // The pages' language, so an activation code the filter emails itself reads like the page that asked for it.
        return new SignInFlow.Client(addresses.of(req), PageLook.languageOf(req, config.pageLocales()));
    }
}
