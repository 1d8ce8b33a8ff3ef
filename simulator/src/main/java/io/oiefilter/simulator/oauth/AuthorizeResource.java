package io.oiefilter.simulator.oauth;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.hosted.OktaSessions;
import io.oiefilter.simulator.hosted.SignInPageResource;
import io.oiefilter.simulator.org.OrgApp;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * /v1/authorize: the authorization code flow (PKCE S256). Checks the client and its redirect URI first (an error page
 * if either is wrong: never a redirect to an unregistered URI), then the rest, whose errors go back to the client.
 * A browser with a live Okta session gets its code at once; otherwise the hosted sign-in page runs the org's policies.
 */
@Path("/oauth2/default/v1/authorize")
public final class AuthorizeResource {
    private static final Set<String> SCOPES = Set.of("openid", "profile", "email", "address", "phone", "offline_access", "groups");

    private final Simulator sim;

    @Inject
    public AuthorizeResource(Simulator sim) {
        this.sim = sim;
    }

    @GET
    public Response authorize(@Context UriInfo uri, @CookieParam(OktaSessions.COOKIE) String sid,
                              @CookieParam(io.oiefilter.simulator.hosted.SignIns.DEVICE_COOKIE) String deviceToken) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        Optional<OrgApp> found = sim.org().app(q.getFirst("client_id"));
        if (found.isEmpty()) {
            return AuthorizationResponse.errorPage("invalid_client", "Invalid value for 'client_id' parameter.");
        }
        OrgApp app = found.get();
        String redirectUri = q.getFirst("redirect_uri");
        if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
            return AuthorizationResponse.errorPage("invalid_request",
                    "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings");
        }
        String mode = q.getFirst("response_mode");
        if (mode != null && !mode.equals("query") && !mode.equals("form_post")) {
            return AuthorizationResponse.error(redirectUri, false, "invalid_request",
                    "The 'response_mode' parameter is invalid: only 'query' and 'form_post' are supported with response_type 'code'.",
                    q.getFirst("state"));
        }
        boolean formPost = "form_post".equals(mode);
        String state = q.getFirst("state");
        String problem = problem(q, app);
        if (problem != null) {
            int split = problem.indexOf(' ');
            return AuthorizationResponse.error(redirectUri, formPost, problem.substring(0, split), problem.substring(split + 1), state);
        }
        List<String> scopes = Arrays.asList(q.getFirst("scope").trim().split("\\s+"));
        Set<String> prompt = Set.of(Optional.ofNullable(q.getFirst("prompt")).orElse("").trim().split("\\s+"));
        AuthorizeRequest request = new AuthorizeRequest(app, redirectUri, state, q.getFirst("nonce"), scopes,
                q.getFirst("code_challenge"), formPost, q.getFirst("login_hint"), uri.getRequestUri().getRawQuery());
        Optional<OktaSessions.Session> session = sim.sessions().find(sid);
        if (session.isPresent() && !prompt.contains("login")) {
            return codeFor(sim, request, session.get());
        }
        if (prompt.contains("none")) {
            return AuthorizationResponse.error(redirectUri, formPost, "login_required",
                    "The client specified not to prompt, but the user is not logged in.", state);
        }
        return SignInPageResource.start(sim, request, deviceToken);
    }

    /** The redirect with a new code for the session's user; {@code cookies} set the session where it is new. */
    public static Response codeFor(Simulator sim, AuthorizeRequest r, OktaSessions.Session session,
                                   jakarta.ws.rs.core.NewCookie... cookies) {
        String code = sim.authorizationCodes().issue(session.user(), r.app(), r.scopes(), r.nonce(), r.redirectUri(),
                r.codeChallenge(), session.amr(), session.authTime());
        return AuthorizationResponse.code(r.redirectUri(), r.formPost(), code, r.state(), cookies);
    }

    /** The first thing wrong with the request once its redirect URI is known good, as "error description"; else null. */
    private String problem(MultivaluedMap<String, String> q, OrgApp app) {
        if (blank(q.getFirst("state"))) {
            return "invalid_request The 'state' parameter is required.";
        }
        if (!"code".equals(q.getFirst("response_type"))) {
            return "unsupported_response_type The response type is not supported by the authorization server. "
                    + "Configured response types: [code].";
        }
        if (!app.grantTypes().contains("authorization_code")) {
            return "unauthorized_client The client is not authorized to use the provided grant type. Configured grant types: ["
                    + String.join(", ", app.grantTypes()) + "].";
        }
        String scope = q.getFirst("scope");
        if (blank(scope)) {
            return "invalid_scope The authorization server resource does not have any configured default scopes, 'scope' must be provided.";
        }
        List<String> scopes = Arrays.asList(scope.trim().split("\\s+"));
        if (!SCOPES.containsAll(scopes)) {
            return "invalid_scope One or more scopes are not configured for the authorization server resource.";
        }
        if (!scopes.contains("openid")) {
            return "invalid_scope The 'openid' scope is required.";
        }
        String challenge = q.getFirst("code_challenge");
        String method = q.getFirst("code_challenge_method");
        if (blank(challenge) && !app.confidential()) {
            return "invalid_request PKCE code challenge is required when the token endpoint authentication method is 'NONE'.";
        }
        if (!blank(challenge) && !"S256".equals(method)) {
            return "invalid_request The 'code_challenge_method' parameter must be 'S256'.";
        }
        if (!blank(challenge) && !challenge.matches("[A-Za-z0-9._~-]{43,128}")) {
            return "invalid_request The 'code_challenge' parameter is invalid.";
        }
        if (blank(challenge) && !blank(method)) {
            return "invalid_request The 'code_challenge' parameter is required with 'code_challenge_method'.";
        }
        String prompt = q.getFirst("prompt");
        if (prompt != null) {
            List<String> values = Arrays.asList(prompt.trim().split("\\s+"));
            if (!Set.of("none", "login", "consent").containsAll(values) || (values.contains("none") && values.size() > 1)) {
                return "invalid_request The 'prompt' parameter is invalid.";
            }
        }
        if (!sim.org().accessPolicyGrantTypes().contains("authorization_code")) {
            return "access_denied Policy evaluation failed for this request, please check the policy configurations.";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
