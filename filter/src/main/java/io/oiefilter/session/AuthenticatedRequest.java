package io.oiefilter.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;

/** Presents the signed-in user to servlets, JSPs and JAX-RS: principal, remote user and roles from groups. */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {
    public static final String AUTH_TYPE = "OIE";

    private final OieUser user;

    public AuthenticatedRequest(HttpServletRequest request, OieUser user) {
        super(request);
        this.user = user;
    }

    @Override
    public Principal getUserPrincipal() {
        return user;
    }

    @Override
    public String getRemoteUser() {
        return user.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && user.isInGroup(role);
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
