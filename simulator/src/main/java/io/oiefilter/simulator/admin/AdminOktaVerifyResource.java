package io.oiefilter.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OktaVerifyDevice;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Totp;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Optional;

/**
 * The person's phone with Okta Verify, for tests: what it shows (a pending enrollment, a push and its numbers, the
 * current code), and what the person does (open the enrollment link, approve a push choosing a number, reject it).
 * Answers {@code {"login","enrolled","enrollmentPending","push","numberChoices"}} (push: PENDING, APPROVED, REJECTED or
 * null); 404 for no such user, 409 when there is nothing to act on.
 */
@Path("/admin/users/{idOrLogin}/okta-verify")
@Consumes(MediaType.WILDCARD)
public final class AdminOktaVerifyResource {
    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public AdminOktaVerifyResource(Simulator sim) {
        this.sim = sim;
    }

    @GET
    public Response device(@PathParam("idOrLogin") String idOrLogin) {
        return sim.org().user(idOrLogin).map(this::describe).orElseGet(() -> error(404, "no user"));
    }

    /** The phone opened the enrollment link: {@code {"token":"…"}} (the link's t parameter) or an empty body for any pending one. */
    @POST
    @Path("enrollment")
    public Response completeEnrollment(@PathParam("idOrLogin") String idOrLogin, String body) {
        Optional<OrgUser> u = sim.org().user(idOrLogin);
        JsonNode b = read(body);
        if (u.isEmpty() || b == null) {
            return u.isEmpty() ? error(404, "no user") : error(400, "expected {\"token\":\"…\"} or nothing");
        }
        boolean done = u.get().oktaVerify().completeEnrollment(b.hasNonNull("token") ? b.get("token").asText() : null, sim.clock().instant());
        return done ? describe(u.get()) : error(409, "no enrollment of that link is pending");
    }

    /** "Yes, it's me": {@code {"number":42}} when the push has a number challenge (a wrong number rejects the push). */
    @POST
    @Path("push/approve")
    public Response approve(@PathParam("idOrLogin") String idOrLogin, String body) {
        Optional<OrgUser> u = sim.org().user(idOrLogin);
        JsonNode b = read(body);
        if (u.isEmpty() || b == null) {
            return u.isEmpty() ? error(404, "no user") : error(400, "expected {\"number\":42} or nothing");
        }
        Integer number = b.path("number").canConvertToInt() ? b.get("number").asInt() : null;
        return u.get().oktaVerify().approve(number) ? describe(u.get()) : error(409, "no push is waiting");
    }

    /** "No, it's not me". */
    @POST
    @Path("push/reject")
    public Response reject(@PathParam("idOrLogin") String idOrLogin) {
        Optional<OrgUser> u = sim.org().user(idOrLogin);
        if (u.isEmpty()) {
            return error(404, "no user");
        }
        return u.get().oktaVerify().reject() ? describe(u.get()) : error(409, "no push is waiting");
    }

    /** The code the app shows now: {@code {"code":"123456"}}; 409 before enrollment. */
    @GET
    @Path("totp")
    public Response totp(@PathParam("idOrLogin") String idOrLogin) {
        Optional<OrgUser> u = sim.org().user(idOrLogin);
        if (u.isEmpty()) {
            return error(404, "no user");
        }
        String secret = u.get().oktaVerify().secret();
        return secret == null ? error(409, "Okta Verify is not enrolled")
                : ok(json.createObjectNode().put("code", Totp.code(secret, sim.clock().instant())).put("secret", secret));
    }

    private Response describe(OrgUser u) {
        OktaVerifyDevice d = u.oktaVerify();
        ObjectNode out = json.createObjectNode().put("login", u.login()).put("enrolled", d.enrolled())
                .put("enrollmentPending", d.pendingEnrollmentToken() != null);
        out.put("push", d.pushState() == null ? null : d.pushState().name());
        d.numberChoices().forEach(out.withArray("numberChoices")::add);
        return ok(out);
    }

    private JsonNode read(String body) {
        try {
            JsonNode n = json.readTree(body == null || body.isBlank() ? "{}" : body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Response ok(ObjectNode body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(json.createObjectNode().put("error", message).toString()).build();
    }
}
