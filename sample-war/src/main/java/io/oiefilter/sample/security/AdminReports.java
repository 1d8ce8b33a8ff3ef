package io.oiefilter.sample.security;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** An EJB only administrators may use: the container checks {@code @RolesAllowed} against the signed-in caller's groups. */
@Stateless
@RolesAllowed("Admins")
public class AdminReports {
    @Resource
    private SessionContext context;

    public String summary() {
        return "Report prepared for " + context.getCallerPrincipal().getName();
    }

    /** Who the EJB container thinks is calling, and whether as an administrator: for anyone. */
    @PermitAll
    public String caller() {
        return context.getCallerPrincipal().getName();
    }

    @PermitAll
    public boolean callerIsAdmin() {
        return context.isCallerInRole("Admins");
    }
}
