package io.oiefilter.simulator;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Counts every request to an Okta endpoint, and the language it asked for, before anything else looks at it. */
@Provider
@PreMatching
public final class RequestLogFilter implements ContainerRequestFilter {
    private final Simulator sim;

    @Inject
    public RequestLogFilter(Simulator sim) {
        this.sim = sim;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String endpoint = Endpoints.of(request.getUriInfo().getPath());
        if (!endpoint.startsWith("admin/")) { // the simulator's own controls are not Okta round trips
            sim.requestLog().count(endpoint);
            sim.requestLog().language(endpoint, request.getHeaderString("Accept-Language"));
        }
    }
}
