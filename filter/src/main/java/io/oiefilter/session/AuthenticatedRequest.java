package io.oiefilter.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import jakarta.servlet.http.HttpSession;

import java.security.Principal;
import java.util.Optional;

/** Presents the signed-in user to servlets, JSPs and JAX-RS: principal, remote user and roles (the {@link ClaimsMapper}'s). */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {
    public static final String AUTH_TYPE = "OIE";

    private final OieUser user;

    public AuthenticatedRequest(HttpServletRequest request, OieUser user) {
        super(request);
        this.user = user;
    }

    /**
     * The signed-in {@link OieUser} behind a principal the app was given. The filter gives {@code OieUser}
     * itself; a container may present its own principal for the same caller (container security mode:
     * an EJB's, or a JAX-RS runtime's), whose name is then matched with the session's sign-in.
     */
    public static Optional<OieUser> userOf(Principal principal, HttpServletRequest request) {
        if (principal instanceof OieUser user) {
            return Optional.of(user);
        }
        HttpSession session = principal == null ? null : request.getSession(false);
        if (session != null && session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE) instanceof OieAuthentication auth
                && auth.user().getName().equals(principal.getName())) {
            return Optional.of(auth.user());
        }
        return Optional.empty();
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
        return role != null && user.hasRole(role);
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
