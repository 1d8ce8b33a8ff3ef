package io.oiefilter.simulator.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to the client at its (already validated) redirect URI: a 302 with the parameters in the query
 * (response_mode=query) or a page that posts them (form_post), the code or error first and the state last, as Okta.
 * Errors before the redirect URI is known to be the app's are an HTML page instead, never a redirect.
 */
public final class AuthorizationResponse {
    private AuthorizationResponse() {
    }

    public static Response code(String redirectUri, boolean formPost, String code, String state, NewCookie... cookies) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", state);
        return send(redirectUri, formPost, params, cookies);
    }

    public static Response error(String redirectUri, boolean formPost, String error, String description, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) {
            params.put("state", state);
        }
        return send(redirectUri, formPost, params);
    }

    /** Okta's error page for a request it cannot send back: 400, the error and its description, escaped. */
    public static Response errorPage(String error, String description) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Error</title></head><body>"
                + "<h1>400 Bad Request</h1><p id=\"error-code\">" + Html.escape(error) + "</p><p id=\"error-summary\">"
                + Html.escape(description) + "</p></body></html>";
        return Response.status(400).type(MediaType.TEXT_HTML + ";charset=UTF-8").header("Cache-Control", "no-store")
                .entity(html).build();
    }

    private static Response send(String redirectUri, boolean formPost, Map<String, String> params, NewCookie... cookies) {
        Response.ResponseBuilder r;
        if (formPost) {
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                    + "<title>Redirecting</title></head><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"")
                    .append(Html.escape(redirectUri)).append("\">");
            params.forEach((k, v) -> html.append("<input type=\"hidden\" name=\"").append(Html.escape(k)).append("\" value=\"")
                    .append(Html.escape(v)).append("\">"));
            html.append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>");
            r = Response.ok(html.toString(), MediaType.TEXT_HTML + ";charset=UTF-8");
        } else {
            StringBuilder target = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
            params.forEach((k, v) -> target.append(enc(k)).append('=').append(enc(v)).append('&'));
            target.setLength(target.length() - 1);
            r = Response.status(302).location(URI.create(target.toString()));
        }
        return r.header("Cache-Control", "no-store").header("Pragma", "no-cache").cookie(cookies).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
