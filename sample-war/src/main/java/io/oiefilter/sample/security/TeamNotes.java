package io.oiefilter.sample.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/** A CDI bean (not an EJB) only administrators may use. */
@ApplicationScoped
public class TeamNotes {
    @Inject
    SecurityContext security;

    @RolesAllowed("Admins")
    public String notes() {
        return "Notes for " + security.getCallerPrincipal().getName();
    }
}
