package io.oiefilter.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Totp;
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
 * implements: org-wide settings, locking a user out (Okta does that only after wrong passwords), and a user's
 * Google Authenticator secret (Okta never shows it again after enrollment; tests need it to compute codes), and the
 * codes sent to a user's phone (the person's phone, as the outbox is their mailbox).
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

    /**
     * A user's Google Authenticator secret, so that a test can compute the code the app would show
     * ({@code io.oiefilter.simulator.org.Totp.code(secret, now)}): {@code {"id","login","secret","enrolledAt"}};
     * 404 when there is no such user or the user has not enrolled Google Authenticator.
     */
    @GET
    @Path("users/{idOrLogin}/totp-secret")
    public Response totpSecret(@PathParam("idOrLogin") String idOrLogin) {
        Optional<OrgUser> found = sim.org().user(idOrLogin);
        if (found.isEmpty()) {
            return error(404, "no user " + idOrLogin);
        }
        OrgUser u = found.get();
        synchronized (u) {
            if (u.totpSecret() == null) {
                return error(404, u.login() + " has not enrolled Google Authenticator");
            }
            return ok(json.createObjectNode().put("id", u.id()).put("login", u.login()).put("secret", u.totpSecret())
                    .put("enrolledAt", u.totpEnrolledAt().toString()));
        }
    }

    /**
     * Enrolls a user in Google Authenticator as if done on a phone earlier: {@code {"secret":"BASE32"}}, or an empty
     * body for a new secret. Answers as the GET does; 400 for a secret that is not base32.
     */
    @PUT
    @Path("users/{idOrLogin}/totp-secret")
    public Response enrollTotp(@PathParam("idOrLogin") String idOrLogin, String body) {
        Optional<OrgUser> found = sim.org().user(idOrLogin);
        if (found.isEmpty()) {
            return error(404, "no user " + idOrLogin);
        }
        try {
            JsonNode b = json.readTree(body == null || body.isBlank() ? "{}" : body);
            String secret = b.hasNonNull("secret") ? b.get("secret").asText() : Totp.newSecret();
            found.get().enrollTotp(secret, sim.clock().instant());
        } catch (IOException | IllegalArgumentException e) {
            return error(400, "expected {\"secret\":\"BASE32\"}");
        }
        return totpSecret(idOrLogin);
    }

    /**
     * The codes sent to a user's phone (SMS or voice), oldest first, as the person's phone would show them:
     * {@code {"id","login","messages":[{"phoneNumber":"+1 XXX-XXX-1234","method":"sms","code":"123456","sentAt"}]}}.
     * The number stays masked as in IDX responses. 404 when there is no such user.
     */
    @GET
    @Path("users/{idOrLogin}/phone-codes")
    public Response phoneCodes(@PathParam("idOrLogin") String idOrLogin) {
        Optional<OrgUser> found = sim.org().user(idOrLogin);
        if (found.isEmpty()) {
            return error(404, "no user " + idOrLogin);
        }
        ObjectNode body = json.createObjectNode().put("id", found.get().id()).put("login", found.get().login());
        com.fasterxml.jackson.databind.node.ArrayNode messages = body.putArray("messages");
        for (io.oiefilter.simulator.mail.PhoneOutbox.PhoneMessage m : sim.phoneOutbox().to(found.get().id())) {
            messages.addObject().put("phoneNumber", m.maskedNumber()).put("method", m.method()).put("code", m.code())
                    .put("sentAt", m.sentAt().toString());
        }
        return ok(body);
    }

    private static Response ok(ObjectNode body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(json.createObjectNode().put("error", message).toString()).build();
    }
}
