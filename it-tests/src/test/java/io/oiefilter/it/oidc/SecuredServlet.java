package io.oiefilter.it.oidc;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A page only a signed-in caller sees (any authenticated caller: "**"), showing who and one ID token claim. */
@WebServlet({"/secure", "/Callback"})
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class SecuredServlet extends HttpServlet {
    @Inject
    OpenIdContext openId;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        String name = openId.getIdentityToken().getJwtClaims().getStringClaim("name").orElse("?");
        resp.getWriter().print("principal=" + req.getUserPrincipal().getName() + "\nname=" + name
                + "\nsubject=" + openId.getSubject() + "\n");
    }
}
