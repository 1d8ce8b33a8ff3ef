package io.oiefilter.sample;

import io.oiefilter.sample.security.ContainerSecurity;
import io.oiefilter.web.OieRequestHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * GET /whoami, a public path (the filter does not protect it): {@code request.authenticate()} asks the
 * container for the caller, which starts the sign-in when there is none (the browser comes back here
 * after). Then every view of the caller as JSON. POST /whoami (with the page's CSRF token) is the app's own
 * {@code request.logout()}: the container forgets the caller and the sign-in ends in this session. Needs
 * container security (501 without it).
 */
@WebServlet("/whoami")
public class WhoAmIServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        ContainerSecurity.Answer answer;
        if (!ContainerSecurity.available()) {
            answer = ContainerSecurity.whoAmI(req, "Admins");
        } else if (!req.authenticate(res)) {
            return; // the sign-in has begun: the response is the way there
        } else {
            answer = ContainerSecurity.whoAmI(req, "Admins");
        }
        res.setStatus(answer.status());
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(answer.json());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException {
        Object token = req.getAttribute(OieRequestHandler.CSRF_TOKEN_ATTRIBUTE); // set by the filter for a signed-in request
        String sent = req.getParameter("_csrf");
        if (!(token instanceof String expected) || sent == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (!ContainerSecurity.available()) {
            res.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED);
            return;
        }
        req.logout();
        res.sendRedirect(res.encodeRedirectURL(req.getContextPath() + "/"));
    }
}
