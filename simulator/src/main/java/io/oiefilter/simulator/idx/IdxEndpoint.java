package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiefilter.simulator.Simulator;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BiFunction;

/** What every IDX endpoint shares: finding the transaction by its stateHandle, and Okta's answers. */
abstract class IdxEndpoint {
    final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    IdxEndpoint(Simulator sim) {
        this.sim = sim;
    }

    /** Finds the transaction by stateHandle, checks it is at the expected offer, and runs the step. */
    final Response step(String body, Offer.Kind expected, BiFunction<JsonNode, Interaction, Response> action) {
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
            if (expected != null && i.offer.kind() != expected) {
                return notOffered(i);
            }
            return action.apply(req, i);
        }
    }

    final Response state(Interaction i, Problem problem) {
        return answer(problem == null ? 200 : problem.status(),
                sim.responses().state(i, sim.interactions().expiresAt(i), problem, sim.engine().enrollable(i)));
    }

    final Response notOffered(Interaction i) {
        return answer(400, sim.responses().terminal("The request was not completed. Try again.", "idx.request.not.completed"));
    }

    static String passcode(JsonNode req) {
        return req.path("credentials").path("passcode").asText(null);
    }

    final JsonNode parse(String body) {
        try {
            JsonNode n = json.readTree(body == null ? "" : body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String text(JsonNode n, String field, String fallback) {
        return n.hasNonNull(field) ? n.get(field).asText() : fallback;
    }

    final Response sessionExpired() {
        return answer(401, sim.responses().terminal("The session has expired.", "idx.session.expired"));
    }

    final Response badRequest() {
        return answer(400, sim.responses().terminal("The request body was not well-formed.", "E0000003"));
    }

    static Response answer(int status, JsonNode body) {
        // Set as text: Jersey would rewrite a MediaType without the space that Okta sends.
        return Response.status(status).header("Content-Type", IdxResponses.ION_JSON).entity(body.toString()).build();
    }
}
