package io.oiefilter.simulator.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgApp;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;

/**
 * RFC 7662 token introspection, for resource servers: {@code {"active":false}} for anything revoked, expired,
 * unknown or not the caller's to see, else Okta's fields. Access tokens may be introspected by any client of the
 * org; refresh and ID tokens only by the client they were issued to.
 */
@Path("/oauth2/default/v1/introspect")
public final class IntrospectResource {
    private final Simulator sim;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public IntrospectResource(Simulator sim) {
        this.sim = sim;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response introspect(String body, @HeaderParam("Authorization") String authorization) {
        Map<String, String> form = FormBody.parse(body);
        Optional<OrgApp> caller = ClientAuthentication.client(sim.org(), form, authorization);
        if (caller.isEmpty()) {
            return OAuthErrors.error(401, "invalid_client", "Client authentication failed. Either the client or the client credentials are invalid.");
        }
        String token = form.get("token");
        if (token == null || token.isBlank()) {
            return OAuthErrors.error(400, "invalid_request", "The 'token' parameter is required.");
        }
        ObjectNode answer = refreshToken(token, caller.get()).or(() -> jwt(token, caller.get()))
                .orElseGet(() -> json.createObjectNode().put("active", false));
        return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    private Optional<ObjectNode> refreshToken(String token, OrgApp caller) {
        return sim.grants().refresh(token).filter(g -> g.app().clientId().equals(caller.clientId()))
                .filter(g -> g.user().status().canSignIn())
                .map(g -> json.createObjectNode().put("active", true).put("token_type", "refresh_token")
                        .put("scope", String.join(" ", g.scopes())).put("client_id", g.app().clientId())
                        .put("username", g.user().login()).put("sub", g.user().login()).put("uid", g.user().id())
                        .put("iss", sim.issuer()));
    }

    /** A signed, unexpired, unrevoked access token (it has {@code cid}) or the caller's own ID token. */
    private Optional<ObjectNode> jwt(String token, OrgApp caller) {
        if (sim.grants().revoked(token)) {
            return Optional.empty();
        }
        return sim.tokens().verify(token).flatMap(c -> {
            Object cid = c.getClaim("cid");
            if (cid != null) {
                return Optional.of(common(c).put("token_type", "Bearer").put("client_id", cid.toString())
                        .put("uid", String.valueOf(c.getClaim("uid"))).put("username", c.getSubject())
                        .put("scope", String.join(" ", stringList(c.getClaim("scp")))));
            }
            if (c.getAudience().contains(caller.clientId())) {
                return Optional.of(common(c).put("client_id", caller.clientId()).put("username",
                        String.valueOf(c.getClaim("preferred_username"))));
            }
            return Optional.empty();
        });
    }

    private ObjectNode common(JWTClaimsSet c) {
        return json.createObjectNode().put("active", true).put("sub", c.getSubject())
                .put("exp", c.getExpirationTime().toInstant().getEpochSecond())
                .put("iat", c.getIssueTime().toInstant().getEpochSecond())
                .put("aud", c.getAudience().isEmpty() ? null : c.getAudience().get(0))
                .put("iss", c.getIssuer()).put("jti", c.getJWTID());
    }

    private static java.util.List<String> stringList(Object claim) {
        return claim instanceof java.util.List<?> l ? l.stream().map(String::valueOf).toList() : java.util.List.of();
    }
}
