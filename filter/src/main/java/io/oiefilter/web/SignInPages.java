package io.oiefilter.web;

import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.FlowResult;
import io.oiefilter.flow.OktaText;
import io.oiefilter.flow.PageContent;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignInState;
import io.oiefilter.flow.SignInView;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the filter's pages: the model a JSP reads, the headers every page gets, the JSP. */
final class SignInPages {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final OieConfig config;
    private final SignInFlow flow;

    SignInPages(OieConfig config, SignInFlow flow) {
        this.config = config;
        this.flow = flow;
    }

    void render(HttpServletRequest req, HttpServletResponse res, int status, FlowResult.Page page, Map<String, String> formValues)
            throws IOException, ServletException {
        SignInState state = page.state();
        show(req, res, status, flow.pageOf(state, page.view()), page.messageKeys(), state.identifier(), stepId(state),
                page.fieldMessages(), formValues, 0);
    }

    /** The error page; to a script (XHR, or asking for JSON rather than HTML) the same status with a JSON body. */
    void error(HttpServletRequest req, HttpServletResponse res, int status, String messageKey, int retryAfter)
            throws IOException, ServletException {
        if (retryAfter > 0) {
            res.setHeader("Retry-After", String.valueOf(retryAfter));
        }
        if (DefaultAuthenticationEntryPoint.isApiRequest(req)) {
            json(req, res, status, messageKey, retryAfter);
            return;
        }
        show(req, res, status, PageContent.none(SignInView.ERROR), List.of(messageKey), null, "", Map.of(), Map.of(), retryAfter);
    }

    /** The message key's last part in snake case ("oie.error.busy": busy), and where to sign in. */
    private void json(HttpServletRequest req, HttpServletResponse res, int status, String messageKey, int retryAfter)
            throws IOException {
        String error = messageKey.substring(messageKey.lastIndexOf('.') + 1).replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
        ApiErrors.write(res, status, error, retryAfter, req.getContextPath() + config.basePath() + SignInEndpoints.SIGN_IN);
    }

    /** A page with no sign-in behind it (signed out, say): its view and messages only. */
    void plain(HttpServletRequest req, HttpServletResponse res, SignInView view, List<String> messageKeys)
            throws IOException, ServletException {
        show(req, res, HttpServletResponse.SC_OK, PageContent.none(view), messageKeys, null, "", Map.of(), Map.of(), 0);
    }

    private void show(HttpServletRequest req, HttpServletResponse res, int status, PageContent content, List<String> messages,
                      String identifier, String stepId, Map<String, List<OktaText>> fieldMessages, Map<String, String> formValues,
                      int retryAfter) throws IOException, ServletException {
        SignInView view = content.view();
        String csrf = CsrfTokens.tokenFor(SessionCookies.session(req, res));
        String nonce = nonce();
        String help = config.helpUrl().map(u -> u.startsWith("/") ? req.getContextPath() + u : u).orElse(null);
        SignInPageModel.Links links = new SignInPageModel.Links(help, req.getContextPath() + config.postLogoutPath(),
                String.join(", ", config.signUpEmailDomains()));
        String qrCode = content.sharedSecret() == null ? null : QrCodes.totpImage(content.sharedSecret(), identifier,
                config.issuer().getHost()).orElse(null); // without it the page still shows the key
        if (content.oktaVerify() != null && content.oktaVerify().enrollLink() != null) {
            qrCode = QrCodes.image(content.oktaVerify().enrollLink()).orElse(null); // Okta Verify's enrollment link
        }
        Locale locale = PageLook.languageOf(req, config.pageLocales());
        Map<String, List<OktaText>> aboutFields = new LinkedHashMap<>();
        fieldMessages.forEach((field, texts) -> aboutFields.put(field, texts.stream().map(t -> t.onFieldOfPageIn(locale)).toList()));
        req.setAttribute("oie", new SignInPageModel(content, messages, identifier, csrf,
                req.getContextPath() + config.basePath(), stepId, aboutFields, formValues, links, nonce, retryAfter, qrCode));
        req.setAttribute(PageLook.ATTRIBUTE, new PageLook(locale, config.branding(), req.getContextPath()));
        res.setStatus(status);
        res.setHeader("Content-Language", locale.toLanguageTag());
        res.addHeader("Vary", "Accept-Language");
        res.setHeader("X-Frame-Options", "DENY");
        // Scripts: the app's own files, and the pages' small inline scripts carrying this response's nonce.
        res.setHeader("Content-Security-Policy", "frame-ancestors 'none'; script-src 'self' 'nonce-" + nonce
                + "'; object-src 'none'; base-uri 'none'");
        res.setHeader("Referrer-Policy", "same-origin");
        res.setHeader("X-Content-Type-Options", "nosniff");
        req.getRequestDispatcher(config.viewPrefix() + view.page() + ".jsp").forward(asRendering(req), res);
    }

    private static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    /** JSPs answer GET, POST and HEAD only: a page for a PATCH (a 405, say) is rendered as for a GET. */
    private static HttpServletRequest asRendering(HttpServletRequest req) {
        String method = req.getMethod();
        if ("GET".equals(method) || "POST".equals(method) || "HEAD".equals(method)) {
            return req;
        }
        return new jakarta.servlet.http.HttpServletRequestWrapper(req) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
    }

    /**
     * Which page of this sign-in a form was rendered for; forms carry it back. It depends on nothing
     * but the sign-in's own random id and page count, so it says nothing about the account either.
     */
    static String stepId(SignInState state) {
        String key = state.flowId() + "|" + state.stepNumber();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
