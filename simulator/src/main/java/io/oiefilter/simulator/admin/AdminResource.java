package io.oiefilter.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.faults.Fault;
import io.oiefilter.simulator.mail.Email;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The simulator's own controls, for tests and for a person running the demo: the outbox (JSON and
 * HTML), the request counters and time per endpoint, fault injection, rate limits and the clock. Like the rest of the
 * simulator it listens on loopback only.
 */
@Path("/admin")
public final class AdminResource {
    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public AdminResource(Simulator sim) {
        this.sim = sim;
    }

    @GET
    @Path("outbox")
    @Produces(MediaType.APPLICATION_JSON)
    public String outbox(@QueryParam("to") String to) {
        ArrayNode out = json.createArrayNode();
        for (Email e : to == null ? sim.outbox().all() : sim.outbox().to(to)) {
            out.add(json.createObjectNode().put("id", e.id()).put("to", e.to()).put("subject", e.subject())
                    .put("body", e.body()).put("kind", e.kind()).put("code", e.code()).put("link", e.link())
                    .put("sentAt", e.sentAt().toString()));
        }
        return out.toString();
    }

    @GET
    @Path("outbox.html")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String outboxPage() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>Outbox: local Okta org</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2rem;color:#1d1d21}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:.4rem .7rem;text-align:left;vertical-align:top}"
                + ".code{font-size:1.3rem;font-weight:700;letter-spacing:.15rem}</style></head><body>"
                + "<h1>Outbox</h1><p>Every email the local Okta org sent, newest first. This page refreshes itself.</p>"
                + "<table><tr><th>Sent</th><th>To</th><th>Subject</th><th>Code or link</th><th>Message</th></tr>");
        List<Email> all = sim.outbox().all();
        for (int n = all.size() - 1; n >= 0; n--) {
            Email e = all.get(n);
            String codeOrLink = e.code() != null ? "<span class=\"code\">" + esc(e.code()) + "</span>"
                    : e.link() != null ? "<a href=\"" + esc(e.link()) + "\">" + esc(e.link()) + "</a>" : "";
            html.append("<tr><td>").append(esc(e.sentAt().toString())).append("</td><td>").append(esc(e.to()))
                    .append("</td><td>").append(esc(e.subject())).append("</td><td>").append(codeOrLink)
                    .append("</td><td>").append(esc(e.body())).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    @GET
    @Path("requests")
    @Produces(MediaType.APPLICATION_JSON)
    public String requests() {
        return json.valueToTree(sim.requestLog().snapshot()).toString();
    }

    /**
     * Time spent per endpoint: {@code {"identify":{"requests":3,"nanos":4200000},...}} (embedded and standalone
     * modes; empty in the WAR). Benchmarks subtract it from a sign-in's wall time.
     */
    @GET
    @Path("requests/timing")
    @Produces(MediaType.APPLICATION_JSON)
    public String requestTiming() {
        ObjectNode out = json.createObjectNode();
        sim.requestLog().timingSnapshot().forEach((endpoint, t) ->
                out.putObject(endpoint).put("requests", t.requests()).put("nanos", t.nanos()));
        return out.toString();
    }

    /**
     * The languages each endpoint was asked to answer in: {@code {"identify":{"de":2,"":1},...}} ("" for requests without
     * {@code Accept-Language}).
     */
    @GET
    @Path("requests/languages")
    @Produces(MediaType.APPLICATION_JSON)
    public String requestLanguages() {
        return json.valueToTree(sim.requestLog().languageSnapshot()).toString();
    }

    /** Clears the counters, the time and the languages per endpoint. */
    @DELETE
    @Path("requests")
    public Response resetRequests() {
        sim.requestLog().reset();
        return Response.noContent().build();
    }

    /**
     * Arms a fault: {@code {"status":503}}, {@code {"status":500,"malformedBody":true}},
     * {@code {"status":500,"contentType":false}}, {@code {"delayMs":3000}}, {@code {"drop":true}},
     * each with optional {@code "times":N}.
     */
    @PUT
    @Path("faults/{endpoint: .+}")
    @Consumes(MediaType.WILDCARD)
    public Response fault(@PathParam("endpoint") String endpoint, String body) {
        JsonNode f;
        try {
            f = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return Response.status(400).entity("not JSON").build();
        }
        int status = f.path("status").asInt(0);
        Fault fault;
        if (f.path("drop").asBoolean(false)) {
            fault = Fault.dropConnection();
        } else if (f.path("malformedBody").asBoolean(false)) {
            fault = Fault.malformedBody(status == 0 ? 200 : status);
        } else if (f.has("contentType") && !f.path("contentType").asBoolean(true)) {
            fault = Fault.missingContentType(status == 0 ? 500 : status);
        } else if (status != 0) {
            fault = Fault.status(status);
        } else {
            fault = Fault.delay(Duration.ofMillis(f.path("delayMs").asLong(0)));
        }
        if (f.has("delayMs") && !fault.delay().equals(Duration.ofMillis(f.path("delayMs").asLong()))) {
            fault = new Fault(fault.status(), fault.body(), fault.contentType(), Duration.ofMillis(f.path("delayMs").asLong()),
                    fault.drop(), 0);
        }
        sim.faults().inject(endpoint, fault.times(f.path("times").asInt(0)));
        return Response.noContent().build();
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        sim.faults().clear();
        return Response.noContent().build();
    }

    /** {@code {"limit":5,"windowSeconds":60}} */
    @PUT
    @Path("rate-limits/{endpoint: .+}")
    @Consumes(MediaType.WILDCARD)
    public Response rateLimit(@PathParam("endpoint") String endpoint, String body) throws IOException {
        JsonNode l = json.readTree(body == null || body.isBlank() ? "{}" : body);
        sim.rateLimits().limit(endpoint, l.path("limit").asInt(10), Duration.ofSeconds(l.path("windowSeconds").asLong(60)));
        return Response.noContent().build();
    }

    @DELETE
    @Path("rate-limits")
    public Response clearRateLimits() {
        sim.rateLimits().clear();
        return Response.noContent().build();
    }

    /** Moves the org's clock forward, e.g. to expire email codes or transactions. */
    @POST
    @Path("clock/advance")
    public Response advance(@QueryParam("seconds") long seconds) {
        sim.clock().advance(Duration.ofSeconds(seconds));
        ObjectNode now = json.createObjectNode().put("now", sim.clock().instant().toString());
        return Response.ok(now.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
