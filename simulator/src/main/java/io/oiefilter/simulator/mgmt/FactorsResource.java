package io.oiefilter.simulator.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.idx.IdxEngine;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The email part of Okta's Factors API: a user's enrolled email authenticator is an email factor
 * that can be listed and challenged ({@code verify} without a passCode emails a code) and verified
 * ({@code verify} with the code). Same SSWS check as the Users API.
 */
@Path("/api/v1/users/{userId}/factors")
@Consumes(MediaType.WILDCARD)
public final class FactorsResource {
    /** Okta's bounds for tokenLifetimeSeconds; its default is the IDX email code's 5 minutes. */
    private static final int MAX_LIFETIME_SECONDS = 86_400;

    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public FactorsResource(Simulator sim) {
        this.sim = sim;
    }

    @GET
    public Response list(@HeaderParam("Authorization") String auth, @PathParam("userId") String userId) {
        return forUser(auth, userId, u -> {
            ArrayNode out = json.createArrayNode();
            if (u.enrolled(AuthenticatorKind.EMAIL)) {
                out.add(FactorJson.emailFactor(u, sim.baseUri(), json));
            }
            return ok(out);
        });
    }

    @GET
    @Path("{factorId}")
    public Response get(@HeaderParam("Authorization") String auth, @PathParam("userId") String userId,
                        @PathParam("factorId") String factorId) {
        return forEmailFactor(auth, userId, factorId, u -> ok(FactorJson.emailFactor(u, sim.baseUri(), json)));
    }

    @POST
    @Path("{factorId}/verify")
    public Response verify(@HeaderParam("Authorization") String auth, @PathParam("userId") String userId,
                           @PathParam("factorId") String factorId,
                           @QueryParam("tokenLifetimeSeconds") Integer tokenLifetimeSeconds, String body) {
        return forEmailFactor(auth, userId, factorId, u -> {
            Optional<JsonNode> req = parse(body);
            if (req.isEmpty()) {
                return OktaErrors.error(400, "E0000003", "The request body was not well-formed.");
            }
            String passCode = req.get().path("passCode").asText("");
            if (passCode.isEmpty()) { // no passCode: a new challenge, as Okta documents
                return challenge(u, tokenLifetimeSeconds);
            }
            return sim.factorCodes().redeem(u.id(), passCode, sim.clock().instant())
                    ? ok(FactorJson.success(json)) : OktaErrors.invalidPasscode();
        });
    }

    private Response challenge(OrgUser u, Integer tokenLifetimeSeconds) {
        if (tokenLifetimeSeconds != null && (tokenLifetimeSeconds < 1 || tokenLifetimeSeconds > MAX_LIFETIME_SECONDS)) {
            return OktaErrors.error(400, "E0000001", "Api validation failed: tokenLifetimeSeconds",
                    "tokenLifetimeSeconds: must be between 1 and " + MAX_LIFETIME_SECONDS);
        }
        Duration lifetime = tokenLifetimeSeconds == null ? IdxEngine.EMAIL_CODE_LIFETIME : Duration.ofSeconds(tokenLifetimeSeconds);
        Instant now = sim.clock().instant();
        Optional<String> code = sim.factorCodes().issue(u.id(), lifetime, now);
        if (code.isEmpty()) {
            return OktaErrors.emailRecentlySent();
        }
        sim.outbox().send(u.email(), "One-time verification code", "Hi " + u.firstName() + ", enter " + code.get()
                + " to verify your identity. The code expires in " + (lifetime.toSecondsPart() == 0
                        ? lifetime.toMinutes() + " minutes." : lifetime.toSeconds() + " seconds."),
                "factor-challenge", code.get(), null, now);
        return ok(FactorJson.challenge(u, sim.baseUri(), json));
    }

    private Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.of(json.createObjectNode());
        }
        try {
            JsonNode n = json.readTree(body);
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Response forUser(String auth, String userId, Function<OrgUser, Response> action) {
        return ApiTokenCheck.refusal(sim.org(), auth).orElseGet(() -> sim.org().userById(userId).map(action)
                .orElseGet(() -> OktaErrors.notFound(userId)));
    }

    /** The user's email factor, when that is what factorId names and the user has enrolled email. */
    private Response forEmailFactor(String auth, String userId, String factorId,
                                    Function<OrgUser, Response> action) {
        return forUser(auth, userId, u -> u.enrolled(AuthenticatorKind.EMAIL) && FactorJson.emailFactorId(u).equals(factorId)
                ? action.apply(u) : OktaErrors.factorNotFound(factorId));
    }

    private static Response ok(JsonNode body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
