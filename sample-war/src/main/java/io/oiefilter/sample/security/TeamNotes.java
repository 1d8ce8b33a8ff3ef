package io.oiefilter.sample.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.security.Principal;

/** A CDI bean (not an EJB), session-scoped as a legacy JSF app's beans often are, that only administrators may use. */
@SessionScoped
public class TeamNotes implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    Instance<SecurityContext> security; // passivation capable, as a session-scoped bean's injections must be

    @RolesAllowed("Admins")
    public String notes() {
        Principal caller = security.get().getCallerPrincipal(); // none where the app did not turn container security on
        return "Notes for " + (caller == null ? "a caller the container does not know" : caller.getName());
    }
}
