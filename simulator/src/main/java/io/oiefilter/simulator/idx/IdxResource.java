package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Optional;

/** The IDX API: introspect, identify, challenge/answer and cancel, for password sign-in. */
@Path("/idp/idx")
@Consumes(MediaType.WILDCARD)
public final class IdxResource {
    private static final String AUTH_FAILED = "Authentication failed";
    private static final String E0000004 = "errors.E0000004";

    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public IdxResource(Simulator sim) {
        this.sim = sim;
    }

    @POST
    @Path("introspect")
    public Response introspect(String body) {
        sim.requestLog().count("introspect");
        JsonNode req = parse(body);
        if (req == null) {
            return badRequest();
        }
        Optional<Interaction> found = req.hasNonNull("interactionHandle")
                ? sim.interactions().byInteractionHandle(req.get("interactionHandle").asText())
                : sim.interactions().byStateHandle(text(req, "stateToken", text(req, "stateHandle", null)));
        return found.map(i -> {
            synchronized (i) {
                return ok(sim.responses().state(i, sim.interactions().expiresAt(i)));
            }
        }).orElseGet(this::sessionExpired);
    }

    @POST
    @Path("identify")
    public Response identify(String body) {
        sim.requestLog().count("identify");
        return withState(body, Interaction.Step.IDENTIFY, (req, i) -> {
            Optional<OrgUser> user = sim.org().userByLogin(text(req, "identifier", null));
            boolean oneStep = i.app().signOnMode() == SignOnMode.ONE_STEP;
            String passcode = req.path("credentials").path("passcode").asText(null);
            // Unknown, inactive or locked users and wrong one-step passwords all get the same answer.
            if (user.isEmpty() || !user.get().status().canSignIn()
                    || (oneStep && !user.get().passwordMatches(passcode))) {
                sim.interactions().newStateHandle(i);
                return error(400, sim.responses().stateWithMessage(i, sim.interactions().expiresAt(i), AUTH_FAILED, E0000004));
            }
            i.user = user.get();
            if (oneStep) {
                succeed(i);
            } else {
                i.step = Interaction.Step.CHALLENGE_PASSWORD;
            }
            return ok(sim.responses().state(i, sim.interactions().expiresAt(i)));
        });
    }

    @POST
    @Path("challenge/answer")
    public Response answer(String body) {
        sim.requestLog().count("challenge/answer");
        return withState(body, Interaction.Step.CHALLENGE_PASSWORD, (req, i) -> {
            String passcode = req.path("credentials").path("passcode").asText(null);
            if (!i.user().status().canSignIn() || !i.user().passwordMatches(passcode)) {
                return error(401, sim.responses().stateWithMessage(i, sim.interactions().expiresAt(i),
                        "Password is incorrect", "incorrectPassword"));
            }
            succeed(i);
            return ok(sim.responses().state(i, sim.interactions().expiresAt(i)));
        });
    }

    @POST
    @Path("cancel")
    public Response cancel(String body) {
        sim.requestLog().count("cancel");
        return withState(body, null, (req, i) -> {
            i.step = Interaction.Step.IDENTIFY;
            i.user = null;
            sim.interactions().newStateHandle(i);
            return ok(sim.responses().state(i, sim.interactions().expiresAt(i)));
        });
    }

    private void succeed(Interaction i) {
        i.step = Interaction.Step.SUCCESS;
        sim.interactions().issueCode(i);
    }

    /** Finds the transaction by stateHandle and checks that it is at the step the endpoint serves. */
    private Response withState(String body, Interaction.Step expected, java.util.function.BiFunction<JsonNode, Interaction, Response> step) {
        JsonNode req = parse(body);
        if (req == null) {
            return badRequest();
        }
        Optional<Interaction> found = sim.interactions().byStateHandle(text(req, "stateHandle", null));
        if (found.isEmpty()) {
            return sessionExpired();
        }
        Interaction i = found.get();
        synchronized (i) {
            if (expected != null && i.step != expected) {
                return error(400, sim.responses().terminal("The request was not completed. Try again.", "idx.request.not.completed"));
            }
            return step.apply(req, i);
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode n = json.readTree(body == null ? "" : body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field, String fallback) {
        return n.hasNonNull(field) ? n.get(field).asText() : fallback;
    }

    private Response sessionExpired() {
        return error(401, sim.responses().terminal("The session has expired.", "idx.session.expired"));
    }

    private Response badRequest() {
        return error(400, sim.responses().terminal("The request body was not well-formed.", "E0000003"));
    }

    private static Response ok(JsonNode body) {
        return error(200, body);
    }

    private static Response error(int status, JsonNode body) {
        // Set as text: Jersey would rewrite a MediaType without the space that Okta sends.
        return Response.status(status).header("Content-Type", IdxResponses.ION_JSON).entity(body.toString()).build();
    }
}
