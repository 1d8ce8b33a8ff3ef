package io.oiefilter.simulator;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS as Okta answers it for the org's trusted origins (scope CORS), on the endpoints a browser app calls: the
 * authorization server, IDX, the API and the well-known documents. A trusted {@code Origin} is echoed with
 * credentials allowed; an untrusted one gets no {@code Access-Control-*} header at all, so the browser refuses the
 * answer. Preflights are answered here, before rate limits and faults count them. The simulator's own
 * {@code /admin} controls never answer another origin.
 */
@Provider
@PreMatching
@Priority(100)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** The request headers auth-js and the Sign-In Widget send, and those any JSON client sends. */
    static final Set<String> ALLOWED_HEADERS = Set.of("accept", "accept-language", "authorization", "content-type",
            "dpop", "x-okta-user-agent-extended", "x-device-fingerprint", "x-requested-with", "x-okta-xsrftoken",
            "x-typing-pattern");
    static final Set<String> ALLOWED_METHODS = Set.of("GET", "POST", "PUT", "DELETE");
    static final String EXPOSED = "WWW-Authenticate, X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Reset";
    /** How long a browser may keep a preflight's answer, as Okta allows (one hour). */
    static final String MAX_AGE = "3600";

    private final Simulator sim;

    @Inject
    public CorsFilter(Simulator sim) {
        this.sim = sim;
    }

    /** A browser's preflight: OPTIONS with an Origin and the method it means to use. It is no call to the endpoint. */
    public static boolean preflight(String method, String origin, String requestedMethod) {
        return "OPTIONS".equalsIgnoreCase(method) && origin != null && requestedMethod != null;
    }

    /**
     * The CORS headers of an answer (not a preflight's) to {@code origin} on {@code path}: none off the browser
     * endpoints or without an Origin, only {@code Vary} for an untrusted origin. Shared with the fault filters, so a
     * fault is as readable by a trusted page as the org's own answers.
     */
    public static java.util.Map<String, String> answerHeaders(String path, String origin, io.oiefilter.simulator.org.Org org) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
        if (!corsPath(path)) {
            return h;
        }
        h.put("Vary", "Origin"); // the answer depends on the Origin: a shared cache must not mix them up
        if (origin != null && org.corsAllowed(origin)) {
            h.put("Access-Control-Allow-Origin", origin);
            h.put("Access-Control-Allow-Credentials", "true");
            h.put("Access-Control-Expose-Headers", EXPOSED);
        }
        return h;
    }

    static boolean corsPath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith("oauth2/") || p.startsWith("idp/idx/") || p.startsWith("api/v1/") || p.startsWith(".well-known/");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        String method = request.getHeaderString("Access-Control-Request-Method");
        if (!preflight(request.getMethod(), origin, method) || !corsPath(request.getUriInfo().getPath())) {
            return;
        }
        Response.ResponseBuilder preflight = Response.noContent();
        if (sim.org().corsAllowed(origin) && ALLOWED_METHODS.contains(method.trim().toUpperCase(Locale.ROOT))) {
            String asked = request.getHeaderString("Access-Control-Request-Headers");
            String allowed = asked == null ? "" : Arrays.stream(asked.split(",")).map(h -> h.trim().toLowerCase(Locale.ROOT))
                    .filter(ALLOWED_HEADERS::contains).collect(Collectors.joining(", "));
            preflight.header("Access-Control-Allow-Methods", String.join(", ", ALLOWED_METHODS.stream().sorted().toList()))
                    .header("Access-Control-Max-Age", MAX_AGE);
            if (!allowed.isEmpty()) {
                preflight.header("Access-Control-Allow-Headers", allowed);
            }
        }
        request.abortWith(preflight.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        answerHeaders(request.getUriInfo().getPath(), request.getHeaderString("Origin"), sim.org()).forEach((name, value) -> {
            if (name.equals("Vary")) {
                response.getHeaders().add(name, value);
            } else {
                response.getHeaders().putSingle(name, value);
            }
        });
    }
}
