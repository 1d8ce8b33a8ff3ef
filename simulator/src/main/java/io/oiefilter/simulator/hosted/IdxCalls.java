package io.oiefilter.simulator.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.idx.IdxResource;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The hosted page's way into the IDX API: the same IdxResource the embedded flow posts to, called in-process with the
 * JSON an IDX client would send, so the policy engine, its messages, lockout and the endpoints' rate limits are the
 * same ones. Only the IDX endpoints a form of a state can name are reachable.
 */
final class IdxCalls {
    /** An IDX answer: its HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private static final Map<String, BiFunction<IdxResource, String, Response>> ENDPOINTS = Map.ofEntries(
            Map.entry("introspect", IdxResource::introspect), Map.entry("identify", IdxResource::identify),
            Map.entry("enroll", IdxResource::selectEnrollProfile), Map.entry("identify/select", IdxResource::backToIdentify),
            Map.entry("enroll/new", IdxResource::enrollNew), Map.entry("unlock-account", IdxResource::unlockAccount),
            Map.entry("challenge", IdxResource::challenge), Map.entry("credential/enroll", IdxResource::enroll),
            Map.entry("challenge/answer", IdxResource::answer), Map.entry("challenge/resend", IdxResource::resend),
            Map.entry("challenge/poll", IdxResource::poll), Map.entry("challenge/send", IdxResource::send),
            Map.entry("skip", IdxResource::skip), Map.entry("recover", IdxResource::recover),
            Map.entry("cancel", IdxResource::cancel));

    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    IdxCalls(Simulator sim) {
        this.sim = sim;
    }

    /** The endpoint name ("identify", "challenge/answer") of a form's href on this org, if it is an IDX endpoint. */
    Optional<String> endpointOf(String href) {
        String prefix = sim.baseUri() + "/idp/idx/";
        if (href == null || !href.startsWith(prefix)) {
            return Optional.empty();
        }
        String endpoint = href.substring(prefix.length());
        return ENDPOINTS.containsKey(endpoint) ? Optional.of(endpoint) : Optional.empty();
    }

    /** Posts the body to the endpoint, counted against its rate limit as a request from a client would be. */
    Answer call(String endpoint, ObjectNode body) {
        if (sim.rateLimits().count(endpoint).map(w -> w.exceeded()).orElse(false)) {
            return new Answer(429, sim.responses().terminal("Too many requests", "tooManyRequests"));
        }
        Response r = ENDPOINTS.get(endpoint).apply(new IdxResource(sim), body.toString());
        try {
            return new Answer(r.getStatus(), json.readTree(String.valueOf(r.getEntity())));
        } catch (IOException e) {
            throw new IllegalStateException("The IDX endpoint " + endpoint + " answered no JSON", e);
        }
    }
}
