package io.oiefilter.web;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a script (XHR, or a client asking for JSON rather than HTML) gets instead of a page:
 * {@code {"error":"busy","retry_after":5,"sign_in_uri":"/app/oie/sign-in"}}, written by a JSON library.
 */
final class ApiErrors {
    private ApiErrors() {
    }

    /** @param retryAfterSeconds included when above 0 */
    static void write(HttpServletResponse res, int status, String error, int retryAfterSeconds, String signInUri) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (retryAfterSeconds > 0) {
            body.put("retry_after", retryAfterSeconds);
        }
        body.put("sign_in_uri", signInUri);
        res.setStatus(status);
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(JSONObjectUtils.toJSONString(body));
    }
}
