package io.oiefilter.simulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.TrustedOrigin;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Okta's Trusted Origins API ({@code /api/v1/trustedOrigins}, SSWS token): list, get, create and delete, in Okta's
 * shapes ({@code scopes: [{"type":"CORS"},{"type":"REDIRECT"}]}). The CORS answers follow what it holds at once.
 */
@Path("/api/v1/trustedOrigins")
@Consumes(MediaType.WILDCARD)
public final class TrustedOriginsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Simulator sim;

    @Inject
    public TrustedOriginsResource(Simulator sim) {
        this.sim = sim;
    }

    @GET
    public Response list(@HeaderParam("Authorization") String auth) {
        return ApiTokenCheck.refusal(sim.org(), auth).orElseGet(() -> {
            ArrayNode all = JSON.createArrayNode();
            sim.org().trustedOrigins().forEach(t -> all.add(json(t)));
            return ok(all.toString());
        });
    }

    @GET
    @Path("{id}")
    public Response get(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return ApiTokenCheck.refusal(sim.org(), auth).orElseGet(() -> sim.org().trustedOrigins().stream()
                .filter(t -> t.id().equals(id)).findFirst().map(t -> ok(json(t).toString())).orElseGet(() -> notFound(id)));
    }

    /** {@code {"name":"SPA","origin":"http://localhost:3000","scopes":[{"type":"CORS"},{"type":"REDIRECT"}]}} */
    @POST
    public Response create(@HeaderParam("Authorization") String auth, String body) {
        return ApiTokenCheck.refusalToChange(sim.org(), auth).orElseGet(() -> {
            JsonNode t;
            try {
                t = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            } catch (IOException e) {
                return OktaErrors.error(400, "E0000003", "The request body was not well-formed.");
            }
            Set<TrustedOrigin.Scope> scopes = EnumSet.noneOf(TrustedOrigin.Scope.class);
            for (JsonNode s : t.path("scopes")) {
                try {
                    scopes.add(TrustedOrigin.Scope.valueOf(s.path("type").asText(s.asText())));
                } catch (IllegalArgumentException e) {
                    return OktaErrors.error(400, "E0000001", "Api validation failed: scopes", "scopes: unknown scope type");
                }
            }
            if (scopes.isEmpty()) {
                return OktaErrors.error(400, "E0000001", "Api validation failed: scopes", "scopes: At least one scope is required");
            }
            try {
                TrustedOrigin created = sim.org().addTrustedOrigin(t.path("name").asText(null), t.path("origin").asText(), scopes);
                return Response.ok(json(created).toString(), MediaType.APPLICATION_JSON_TYPE).build();
            } catch (IllegalArgumentException e) {
                return OktaErrors.error(400, "E0000001", "Api validation failed: origin", "origin: " + e.getMessage());
            }
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return ApiTokenCheck.refusalToChange(sim.org(), auth).orElseGet(() ->
                sim.org().removeTrustedOrigin(id) ? Response.noContent().build() : notFound(id));
    }

    /** One trusted origin as Okta's API shows it. */
    public static ObjectNode json(TrustedOrigin t) {
        ObjectNode o = JSON.createObjectNode().put("id", t.id()).put("name", t.name()).put("origin", t.origin())
                .put("status", "ACTIVE").put("created", t.created().toString()).put("lastUpdated", t.created().toString());
        ArrayNode scopes = o.putArray("scopes");
        t.scopes().stream().sorted().forEach(s -> scopes.add(JSON.createObjectNode().put("type", s.name())));
        return o;
    }

    private static Response ok(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response notFound(String id) {
        return OktaErrors.error(404, "E0000007", "Not found: Resource not found: " + id + " (TrustedOrigin)");
    }
}
