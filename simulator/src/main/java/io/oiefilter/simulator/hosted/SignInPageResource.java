package io.oiefilter.simulator.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.idx.Interaction;
import io.oiefilter.simulator.oauth.AuthorizeRequest;
import io.oiefilter.simulator.oauth.AuthorizeResource;
import io.oiefilter.simulator.oauth.FormBody;
import io.oiefilter.simulator.oauth.Html;
import io.oiefilter.simulator.org.Org;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's hosted sign-in page (where /v1/authorize sends a browser without a session): each step of the
 * org's IDX transaction as a plain HTML form, posted back here and passed to the same IDX endpoints the embedded
 * flow uses. At success it opens the Okta session ({@code sid}) and sends the browser to the client with a code.
 */
@Path("/signin/hosted")
public final class SignInPageResource {
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final Simulator sim;

    @Inject
    public SignInPageResource(Simulator sim) {
        this.sim = sim;
    }

    /** Opens the IDX transaction for a checked authorize request and sends the browser to its page. */
    public static Response start(Simulator sim, AuthorizeRequest request, String deviceToken) {
        boolean newDevice = deviceToken == null || !deviceToken.matches("[A-Za-z0-9]{32,64}");
        String device = newDevice ? Org.randomString(43) : deviceToken;
        Interaction i = sim.engine().open(request.app(), request.scopes(), request.codeChallenge(), request.redirectUri(),
                request.state(), request.nonce(), null);
        SignIns.SignIn s = sim.signIns().open(request, device, sim.interactions().handleOf(i));
        Response.ResponseBuilder r = Response.status(302).location(URI.create(sim.baseUri() + "/signin/hosted?tx=" + s.id()))
                .header("Cache-Control", "no-store");
        if (newDevice) {
            r.cookie(new NewCookie.Builder(SignIns.DEVICE_COOKIE).value(device).path("/").httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return r.build();
    }

    @GET
    public Response page(@QueryParam("tx") String id, @CookieParam(SignIns.DEVICE_COOKIE) String device) {
        Optional<SignIns.SignIn> found = sim.signIns().find(id, device);
        if (found.isEmpty()) {
            return gone();
        }
        SignIns.SignIn s = found.get();
        synchronized (s) {
            if (s.state == null) {
                IdxCalls.Answer first = new IdxCalls(sim).call("introspect",
                        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("interactionHandle", s.interactionHandle));
                s.state = first.body();
            }
            return render(s, null, 200);
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response submit(@QueryParam("tx") String id, @CookieParam(SignIns.DEVICE_COOKIE) String device,
                           @CookieParam(OktaSessions.COOKIE) String sid, String body) {
        Optional<SignIns.SignIn> found = sim.signIns().find(id, device);
        if (found.isEmpty()) {
            return gone();
        }
        SignIns.SignIn s = found.get();
        Map<String, String> params = FormBody.parse(body);
        synchronized (s) {
            if (!s.csrfMatches(params.get("_csrf"))) {
                return Response.status(403).type(HTML).entity(plainPage("Forbidden",
                        "The form was not sent by this sign-in page. Go back to the app and sign in again.")).build();
            }
            if (s.state == null) {
                return page(id, device);
            }
            JsonNode form = StateForms.of(s.state).get(params.get("_form"));
            IdxCalls calls = new IdxCalls(sim);
            Optional<String> endpoint = form == null ? Optional.empty() : calls.endpointOf(form.path("href").asText(null));
            if (endpoint.isEmpty()) {
                return render(s, sim.responses().terminal("The request was not completed. Try again.", "idx.request.not.completed"), 400);
            }
            IdxCalls.Answer answer = calls.call(endpoint.get(),
                    StateForms.body(form, params, s.state.path("stateHandle").asText(null)));
            if (answer.status() == 429) { // rate limited: the step did not happen, the same forms stay
                return render(s, answer.body(), 429);
            }
            s.state = answer.body();
            JsonNode success = s.state.path("successWithInteractionCode");
            if (success.isObject()) {
                return finish(s, success, sid);
            }
            return render(s, null, 200); // a refused step is the same page with Okta's message, as the widget shows it
        }
    }

    /** Redeems the interaction code here (the browser never sees it), opens the session and answers the client. */
    private Response finish(SignIns.SignIn s, JsonNode success, String oldSid) {
        String interactionCode = null;
        for (JsonNode v : success.path("value")) {
            if ("interaction_code".equals(v.path("name").asText())) {
                interactionCode = v.path("value").asText();
            }
        }
        AuthorizeRequest r = s.request();
        Optional<Interaction> done = sim.interactions().redeem(interactionCode, r.app());
        sim.signIns().finish(s);
        if (done.isEmpty()) {
            return gone();
        }
        sim.sessions().end(oldSid); // prompt=login: the new sign-in replaces the browser's session
        OktaSessions.Session session = sim.sessions().open(done.get().user(), done.get().authenticationMethods());
        NewCookie cookie = new NewCookie.Builder(OktaSessions.COOKIE).value(session.id()).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        return AuthorizeResource.codeFor(sim, r, session, cookie);
    }

    private Response render(SignIns.SignIn s, JsonNode notice, int status) {
        AuthorizeRequest r = s.request();
        String html = StatePage.render(sim.baseUri() + "/signin/hosted?tx=" + s.id(), s.csrfToken, r.app().label(), s.state,
                notice, r.loginHint(), sim.issuer() + "/v1/authorize?" + r.query());
        return Response.status(status).type(HTML).header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
                .entity(html).build();
    }

    private static Response gone() {
        return Response.status(400).type(HTML).entity(plainPage("Sign-in expired",
                "This sign-in has expired or was started in another browser. Go back to the app and sign in again.")).build();
    }

    private static String plainPage(String title, String text) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + Html.escape(title)
                + "</title></head><body><h1>" + Html.escape(title) + "</h1><p>" + Html.escape(text) + "</p></body></html>";
    }
}
