package io.oiefilter.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Optional;

/**
 * Test controls over the org itself, where Okta has an admin console and no API the simulator
 * implements: org-wide settings, and locking a user out (Okta does that only after wrong passwords).
 */
@Path("/admin")
@Consumes(MediaType.WILDCARD)
public final class AdminOrgResource {
    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public AdminOrgResource(Simulator sim) {
        this.sim = sim;
    }

    /** {@code {"selfServiceUnlock":true}} */
    @GET
    @Path("settings")
    public Response settings() {
        return ok(json.createObjectNode().put("selfServiceUnlock", sim.org().selfServiceUnlock()));
    }

    /** Changes the settings named in the body, e.g. {@code {"selfServiceUnlock":false}}; answers them all. */
    @PUT
    @Path("settings")
    public Response settings(String body) {
        JsonNode s;
        try {
            s = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return error(400, "not JSON");
        }
        JsonNode unlock = s.path("selfServiceUnlock");
        if (!unlock.isMissingNode() && !unlock.isBoolean()) {
            return error(400, "selfServiceUnlock must be true or false");
        }
        if (unlock.isBoolean()) {
            sim.org().selfServiceUnlock(unlock.asBoolean());
        }
        return settings();
    }

    /**
     * Locks a user out as too many wrong passwords would (LOCKED_OUT); by id or login. Only a user
     * who could sign in (ACTIVE, RECOVERY, PASSWORD_EXPIRED) or is locked already; else 409.
     */
    @POST
    @Path("users/{idOrLogin}/lock")
    public Response lock(@PathParam("idOrLogin") String idOrLogin) {
        Optional<OrgUser> found = sim.org().user(idOrLogin);
        if (found.isEmpty()) {
            return error(404, "no user " + idOrLogin);
        }
        OrgUser u = found.get();
        synchronized (u) {
            if (u.status() != UserStatus.LOCKED_OUT && !u.status().canSignIn()) {
                return error(409, "a " + u.status() + " user cannot be locked out");
            }
            if (u.status() != UserStatus.LOCKED_OUT) {
                u.status(UserStatus.LOCKED_OUT, sim.clock().instant());
            }
        }
        return ok(json.createObjectNode().put("id", u.id()).put("login", u.login()).put("status", u.status().name()));
    }

    private static Response ok(ObjectNode body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(json.createObjectNode().put("error", message).toString()).build();
    }
}
