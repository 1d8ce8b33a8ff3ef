package io.oiefilter.simulator;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 429 past an endpoint's limit, with Okta's body (IDX "tooManyRequests" for IDX endpoints,
 * E0000047 for the others) and its X-Rate-Limit-Limit/-Remaining/-Reset headers on every answer.
 */
@Provider
@PreMatching
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String WINDOW = RateLimitFilter.class.getName();

    private final Simulator sim;

    @Inject
    public RateLimitFilter(Simulator sim) {
        this.sim = sim;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        sim.rateLimits().count(Endpoints.of(path)).ifPresent(w -> {
            request.setProperty(WINDOW, w);
            if (w.exceeded()) {
                boolean idx = path.startsWith("idp/idx/") || path.startsWith("/idp/idx/");
                String body = idx
                        ? "{\"version\":\"1.0.0\",\"messages\":{\"type\":\"array\",\"value\":[{\"message\":\"Too many requests\","
                          + "\"i18n\":{\"key\":\"tooManyRequests\"},\"class\":\"ERROR\"}]}}"
                        : "{\"errorCode\":\"E0000047\",\"errorSummary\":\"API call exceeded rate limit due to too many requests.\","
                          + "\"errorLink\":\"E0000047\",\"errorId\":\"" + io.oiefilter.simulator.org.Org.newId("oae") + "\",\"errorCauses\":[]}";
                request.abortWith(Response.status(429).header("Content-Type",
                        idx ? "application/ion+json; okta-version=1.0.0" : "application/json").entity(body).build());
            }
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(WINDOW) instanceof RateLimits.Window w) {
            response.getHeaders().putSingle("X-Rate-Limit-Limit", String.valueOf(w.limit()));
            response.getHeaders().putSingle("X-Rate-Limit-Remaining", String.valueOf(w.remaining()));
            response.getHeaders().putSingle("X-Rate-Limit-Reset", String.valueOf(w.reset().getEpochSecond()));
        }
    }
}
