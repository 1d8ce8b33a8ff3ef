package io.oiefilter.sample.security;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.function.Supplier;

/**
 * What the container knows of the caller, and the role-protected beans called, each answer an HTTP
 * status and a JSON body. Uses CDI, EJB and Jakarta Security, so only {@link ContainerSecurity} loads it,
 * and only on a server that has them.
 */
final class ContainerChecks {
    private ContainerChecks() {
    }

    static ContainerSecurity.Answer adminReport() {
        return guarded("report", () -> CDI.current().select(AdminReports.class).get().summary());
    }

    static ContainerSecurity.Answer teamNotes() {
        return guarded("notes", () -> CDI.current().select(TeamNotes.class).get().notes());
    }

    /** Every view of the caller: the app's request, the container's own request, Jakarta Security, an EJB. */
    static ContainerSecurity.Answer whoAmI(HttpServletRequest request, String role) {
        HttpServletRequest container = containerRequest(request);
        SecurityContext security = CDI.current().select(SecurityContext.class).get();
        AdminReports ejb = CDI.current().select(AdminReports.class).get();
        JsonObject body = Json.createObjectBuilder()
                .add("role", role)
                .add("request", view(request.getUserPrincipal(), request.isUserInRole(role)))
                .add("container", view(container.getUserPrincipal(), container.isUserInRole(role)))
                .add("securityContext", view(security.getCallerPrincipal(), security.isCallerInRole(role)))
                .add("ejb", Json.createObjectBuilder().add("name", ejb.caller()).add("inRole", ejb.callerIsAdmin()))
                .build();
        return new ContainerSecurity.Answer(200, body.toString());
    }

    private static jakarta.json.JsonObjectBuilder view(Principal principal, boolean inRole) {
        var view = Json.createObjectBuilder().add("inRole", inRole);
        return principal == null ? view.addNull("name") : view.add("name", principal.getName());
    }

    /** Beneath the filter's wrapper: what the container itself answers. */
    private static HttpServletRequest containerRequest(HttpServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        return (HttpServletRequest) r;
    }

    private static ContainerSecurity.Answer guarded(String field, Supplier<String> call) {
        try {
            return new ContainerSecurity.Answer(200, Json.createObjectBuilder().add(field, call.get()).build().toString());
        } catch (EJBAccessException | SecurityException refused) {
            return ContainerSecurity.Answer.forbidden();
        } catch (RuntimeException e) {
            // CDI and EJB containers wrap what a bean throws; a refusal may be inside.
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof EJBAccessException || t instanceof SecurityException) {
                    return ContainerSecurity.Answer.forbidden();
                }
            }
            throw e;
        }
    }
}
