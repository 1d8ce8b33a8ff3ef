package io.oiefilter.simulator.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.idx.Interaction;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The "default" custom authorization server: discovery, keys, interact and token. */
@Path("/oauth2/default")
public final class OAuthResource {
    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public OAuthResource(Simulator sim) {
        this.sim = sim;
    }

    @GET
    @Path(".well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public String discovery() {
        String iss = sim.issuer();
        ObjectNode d = json.createObjectNode().put("issuer", iss)
                .put("authorization_endpoint", iss + "/v1/authorize")
                .put("token_endpoint", iss + "/v1/token")
                .put("userinfo_endpoint", iss + "/v1/userinfo")
                .put("jwks_uri", iss + "/v1/keys");
        d.set("response_types_supported", json.valueToTree(List.of("code", "id_token", "code id_token", "code token",
                "id_token token", "code id_token token")));
        d.set("response_modes_supported", json.valueToTree(List.of("query", "fragment", "form_post", "okta_post_message")));
        d.set("grant_types_supported", json.valueToTree(List.of("authorization_code", "implicit", "refresh_token",
                "password", "interaction_code")));
        d.set("subject_types_supported", json.valueToTree(List.of("public")));
        d.set("id_token_signing_alg_values_supported", json.valueToTree(List.of("RS256")));
        d.set("scopes_supported", json.valueToTree(List.of("openid", "profile", "email", "address", "phone",
                "offline_access", "groups")));
        d.set("token_endpoint_auth_methods_supported", json.valueToTree(List.of("client_secret_basic",
                "client_secret_post", "none")));
        d.set("claims_supported", json.valueToTree(List.of("iss", "ver", "sub", "aud", "iat", "exp", "jti", "auth_time",
                "amr", "idp", "nonce", "name", "preferred_username", "email", "email_verified", "groups")));
        d.set("code_challenge_methods_supported", json.valueToTree(List.of("S256")));
        d.put("introspection_endpoint", iss + "/v1/introspect")
                .put("revocation_endpoint", iss + "/v1/revoke")
                .put("end_session_endpoint", iss + "/v1/logout");
        return d.toString();
    }

    @GET
    @Path("v1/keys")
    @Produces(MediaType.APPLICATION_JSON)
    public String keys() {
        return sim.tokens().jwks();
    }

    @POST
    @Path("v1/interact")
    @Consumes(MediaType.WILDCARD)
    public Response interact(String body) {
        Map<String, String> form = FormBody.parse(body);
        Optional<OrgApp> app = sim.org().app(form.get("client_id"));
        if (app.isEmpty()) {
            return OAuthErrors.error(401, "invalid_client", "Invalid value for 'client_id' parameter.");
        }
        // Okta takes interact without a secret from a confidential client, but a wrong secret is refused.
        if (form.containsKey("client_secret") && !app.get().secretMatches(form.get("client_secret"))) {
            return OAuthErrors.error(401, "invalid_client", "The client secret supplied for a confidential client is invalid.");
        }
        if (!app.get().grantTypes().contains("interaction_code")) {
            return OAuthErrors.error(400, "unauthorized_client", "The client is not authorized to use the provided grant type. "
                    + "Configured grant types: [" + String.join(", ", app.get().grantTypes()) + "].");
        }
        if (!app.get().redirectUris().contains(form.get("redirect_uri"))) {
            return OAuthErrors.error(400, "invalid_request",
                    "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings");
        }
        List<String> scopes = Arrays.asList(form.getOrDefault("scope", "").trim().split("\\s+"));
        if (!scopes.contains("openid")) {
            return OAuthErrors.error(400, "invalid_scope", "The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
        }
        if (!"S256".equals(form.get("code_challenge_method")) || blank(form.get("code_challenge"))) {
            return OAuthErrors.error(400, "invalid_request", "PKCE code challenge is required when the token endpoint authentication method is 'NONE'.");
        }
        if (blank(form.get("state"))) {
            return OAuthErrors.error(400, "invalid_request", "The 'state' parameter is required.");
        }
        OrgUser activating = null;
        if (form.containsKey("activation_token")) {
            // Activation tokens are for confidential clients that authenticate: Okta's words, as its users report them.
            if (!app.get().confidential() || !form.containsKey("client_secret")) {
                return OAuthErrors.error(400, "invalid_request", "Only confidential clients can use the activation token flow");
            }
            String token = form.get("activation_token");
            activating = sim.org().users().stream()
                    .filter(u -> u.holdsActivationToken(token, sim.clock().instant())).findFirst().orElse(null);
            if (activating == null || !activating.redeemActivationToken(token, sim.clock().instant())) {
                return OAuthErrors.error(400, "invalid_request", "The activation token is invalid");
            }
        }
        Interaction i = sim.engine().open(app.get(), scopes, form.get("code_challenge"), form.get("redirect_uri"),
                form.get("state"), form.get("nonce"), activating);
        return Response.ok("{\"interaction_handle\":\"" + sim.interactions().handleOf(i) + "\"}", MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("v1/token")
    @Consumes(MediaType.WILDCARD)
    public Response token(String body, @HeaderParam("Authorization") String authorization) {
        Map<String, String> form = FormBody.parse(body);
        Optional<OrgApp> app = ClientAuthentication.client(sim.org(), form, authorization);
        if (app.isEmpty()) {
            return OAuthErrors.error(401, "invalid_client", "Client authentication failed. Either the client or the client credentials are invalid.");
        }
        String grantType = form.get("grant_type");
        Grant grant;
        if ("interaction_code".equals(grantType)) {
            Optional<Interaction> found = sim.interactions().redeem(form.get("interaction_code"), app.get());
            if (found.isEmpty()) {
                return OAuthErrors.error(400, "invalid_grant", "The interaction code is invalid or has expired.");
            }
            Interaction i = found.get();
            if (!pkceMatches(form.get("code_verifier"), i.codeChallenge())) {
                return OAuthErrors.error(400, "invalid_grant", "PKCE verification failed.");
            }
            grant = new Grant(i.user(), i.app(), i.scopes(), i.nonce(), i.authenticationMethods());
        } else if ("authorization_code".equals(grantType)) {
            AuthorizationCodeGrant.Result redeemed = AuthorizationCodeGrant.redeem(sim, form, app.get());
            if (redeemed.error() != null) {
                return redeemed.error();
            }
            grant = redeemed.grant();
        } else if ("refresh_token".equals(grantType)) {
            Optional<Grant> found = sim.grants().refresh(form.get("refresh_token"))
                    .filter(g -> g.app().clientId().equals(app.get().clientId()));
            if (found.isEmpty() || !found.get().user().status().canSignIn()) {
                return OAuthErrors.error(400, "invalid_grant", "The refresh token is invalid or expired.");
            }
            grant = found.get();
        } else {
            return OAuthErrors.error(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
        }
        String accessToken = sim.tokens().accessToken(grant);
        ObjectNode tokens = json.createObjectNode().put("token_type", "Bearer")
                .put("expires_in", grant.app().tokenLifetime().toSeconds())
                .put("access_token", accessToken)
                .put("scope", String.join(" ", grant.scopes()));
        if (grant.scopes().contains("offline_access")) {
            tokens.put("refresh_token", "refresh_token".equals(grantType) ? form.get("refresh_token") : sim.grants().newRefreshToken(grant));
        }
        tokens.put("id_token", sim.tokens().idToken(grant, accessToken));
        return Response.ok(tokens.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    @GET
    @Path("v1/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    public Response userinfo(@HeaderParam("Authorization") String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        Optional<OrgUser> user = token == null || sim.grants().revoked(token) ? Optional.empty()
                : sim.tokens().verify(token).map(c -> (String) c.getClaim("uid")).flatMap(sim.org()::userById);
        if (user.isEmpty()) {
            return Response.status(401).header("WWW-Authenticate",
                    "Bearer authorization_uri=\"" + sim.issuer() + "/v1/authorize\", realm=\"" + sim.issuer()
                            + "\", scope=\"openid\", error=\"invalid_token\", error_description=\"The access token is invalid.\"").build();
        }
        OrgUser u = user.get();
        ObjectNode info = json.createObjectNode().put("sub", u.id()).put("name", u.displayName()).put("locale", "en_US")
                .put("email", u.email()).put("preferred_username", u.login()).put("given_name", u.firstName())
                .put("family_name", u.lastName()).put("zoneinfo", "America/Los_Angeles")
                .put("updated_at", u.lastUpdated().getEpochSecond()).put("email_verified", true);
        return Response.ok(info.toString()).build();
    }

    @POST
    @Path("v1/revoke")
    @Consumes(MediaType.WILDCARD)
    public Response revoke(String body, @HeaderParam("Authorization") String authorization) {
        Map<String, String> form = FormBody.parse(body);
        Optional<OrgApp> caller = ClientAuthentication.client(sim.org(), form, authorization);
        if (caller.isEmpty()) {
            return OAuthErrors.error(401, "invalid_client", "Client authentication failed. Either the client or the client credentials are invalid.");
        }
        String token = form.get("token");
        if (blank(token)) {
            return OAuthErrors.error(400, "invalid_request", "The 'token' parameter is required.");
        }
        // RFC 7009 2.1: a client revokes only its own tokens; another's is answered as an unknown one, and kept.
        String clientId = caller.get().clientId();
        boolean own = sim.grants().refresh(token).map(g -> g.app().clientId().equals(clientId))
                .orElseGet(() -> sim.tokens().verifyIgnoringExpiry(token).map(c -> clientId.equals(c.getClaim("cid"))).orElse(false));
        if (own) {
            sim.grants().revoke(token);
        }
        return Response.ok().build();
    }

    /** RP-initiated logout: ends the Okta session and returns to a registered post-logout URI. */
    @GET
    @Path("v1/logout")
    public Response logout(@QueryParam("id_token_hint") String idTokenHint,
                           @QueryParam("post_logout_redirect_uri") String postLogout, @QueryParam("state") String state,
                           @jakarta.ws.rs.CookieParam(io.oiefilter.simulator.hosted.OktaSessions.COOKIE) String sid) {
        Optional<String> audience = idTokenHint == null ? Optional.empty()
                : sim.tokens().verifyIgnoringExpiry(idTokenHint).map(c -> c.getAudience().isEmpty() ? null : c.getAudience().get(0));
        if (audience.isEmpty()) {
            return OAuthErrors.error(400, "invalid_request", "The 'id_token_hint' parameter is invalid.");
        }
        jakarta.ws.rs.core.NewCookie endSession = new jakarta.ws.rs.core.NewCookie.Builder(io.oiefilter.simulator.hosted.OktaSessions.COOKIE)
                .value("").path("/").maxAge(0).httpOnly(true).build();
        if (postLogout == null) {
            sim.sessions().end(sid); // the hosted page's session (sid cookie) ends here
            return Response.ok("<!DOCTYPE html><title>Signed out</title><p>You have been signed out.</p>", MediaType.TEXT_HTML_TYPE)
                    .cookie(endSession).build();
        }
        Optional<OrgApp> app = sim.org().app(audience.get());
        if (app.isEmpty() || !app.get().postLogoutRedirectUris().contains(postLogout)) {
            return OAuthErrors.error(400, "invalid_request",
                    "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings");
        }
        String target = postLogout + (state == null ? "" : (postLogout.contains("?") ? "&" : "?") + "state="
                + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
        sim.sessions().end(sid);
        return Response.status(302).location(java.net.URI.create(target)).cookie(endSession).build();
    }

    static boolean pkceMatches(String verifier, String challenge) {
        if (verifier == null || challenge == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
