package io.oiefilter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/**
 * Browsers are redirected to the sign-in page (a GET is remembered for after); API clients
 * (XHR, or asking for JSON rather than HTML) get 401 with WWW-Authenticate and a JSON body.
 */
public final class DefaultAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, String signInPath) throws IOException {
        String signInUrl = request.getContextPath() + signInPath;
        if (isApiRequest(request)) {
            response.setHeader("WWW-Authenticate", "OIE realm=\"oie-filter\", sign_in_uri=\"" + signInUrl + "\"");
            ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", 0, signInUrl);
            return;
        }
        SavedRequests.save(request);
        if (request.getSession(false) != null && request.getSession(false).isNew()) {
            SessionCookies.harden(request, response); // the session that keeps the page was created just now
        }
        response.sendRedirect(response.encodeRedirectURL(signInUrl));
    }

    static boolean isApiRequest(HttpServletRequest request) {
        if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        boolean wantsJson = a.contains("application/json") || a.contains("+json");
        return wantsJson && !a.contains("text/html");
    }
}
