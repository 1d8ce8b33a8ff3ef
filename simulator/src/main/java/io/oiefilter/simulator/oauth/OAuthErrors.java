package io.oiefilter.simulator.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** OAuth error bodies as Okta's authorization server sends them. */
final class OAuthErrors {
    private OAuthErrors() {
    }

    static Response error(int status, String error, String description) {
        String body = "{\"error\":\"" + error + "\",\"error_description\":\"" + description.replace("\"", "'") + "\"}";
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
