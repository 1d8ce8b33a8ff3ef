package io.oiefilter.simulator.oauth;

import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Who calls /v1/token, /v1/revoke and /v1/introspect: client_secret_basic or client_secret_post for a confidential
 * app (its secret checked), the client id alone for a public app.
 */
final class ClientAuthentication {
    private ClientAuthentication() {
    }

    static Optional<OrgApp> client(Org org, Map<String, String> form, String authorization) {
        String[] basic = basicCredentials(authorization);
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        return org.app(clientId).filter(a -> !a.confidential() || a.secretMatches(secret));
    }

    /**
     * HTTP Basic client credentials, or null when there are none. A public client may send {@code Basic
     * base64(client_id)} without a colon (auth-js does, to revoke): Okta reads that as the client id alone.
     * Undecodable Base64 is no credentials.
     */
    static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        String id = colon < 0 ? decoded : decoded.substring(0, colon);
        String secret = colon < 0 ? null : decoded.substring(colon + 1);
        return new String[] {URLDecoder.decode(id, StandardCharsets.UTF_8),
                secret == null ? null : URLDecoder.decode(secret, StandardCharsets.UTF_8)};
    }
}
