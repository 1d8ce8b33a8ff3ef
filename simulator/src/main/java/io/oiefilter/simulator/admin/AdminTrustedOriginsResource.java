package io.oiefilter.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.mgmt.TrustedOriginsResource;
import io.oiefilter.simulator.org.TrustedOrigin;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Trusted origins without an API token, for a person running the simulator beside their app:
 * {@code POST /admin/trusted-origins} with {@code {"origin":"http://localhost:3000"}} (scopes CORS and REDIRECT unless
 * {@code "scopes":["CORS"]} says otherwise), {@code GET} lists them in Okta's shape, {@code DELETE …/{id}} removes one.
 */
@Path("/admin/trusted-origins")
@Consumes(MediaType.WILDCARD)
public final class AdminTrustedOriginsResource {
    private final ObjectMapper json = new ObjectMapper();
    private final Simulator sim;

    @Inject
    public AdminTrustedOriginsResource(Simulator sim) {
        this.sim = sim;
    }

    @GET
    public Response list() {
        ArrayNode all = json.createArrayNode();
        sim.org().trustedOrigins().forEach(t -> all.add(TrustedOriginsResource.json(t)));
        return Response.ok(all.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    public Response add(String body) {
        try {
            JsonNode t = json.readTree(body == null || body.isBlank() ? "{}" : body);
            Set<TrustedOrigin.Scope> scopes = EnumSet.noneOf(TrustedOrigin.Scope.class);
            for (JsonNode s : t.path("scopes")) {
                scopes.add(TrustedOrigin.Scope.valueOf(s.asText()));
            }
            TrustedOrigin added = sim.org().addTrustedOrigin(t.path("name").asText(null), t.path("origin").asText(),
                    scopes.isEmpty() ? EnumSet.allOf(TrustedOrigin.Scope.class) : scopes);
            return Response.ok(TrustedOriginsResource.json(added).toString(), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (IOException | IllegalArgumentException e) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(json.createObjectNode().put("error", "expected {\"origin\":\"scheme://host[:port]\"}, scopes CORS or "
                            + "REDIRECT: " + e.getMessage().replaceAll("[\\r\\n]", " ")).toString()).build();
        }
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        return sim.org().removeTrustedOrigin(id) ? Response.noContent().build() : Response.status(404).build();
    }
}
