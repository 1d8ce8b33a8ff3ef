package io.oiefilter.simulator.oauth;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgApp;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;

/**
 * grant_type=authorization_code: the code is used up by any attempt, must be this client's and for the same
 * redirect_uri, and its PKCE challenge (when /v1/authorize had one) must match the code_verifier.
 */
final class AuthorizationCodeGrant {
    /** Either the grant or Okta's error answer. */
    record Result(Grant grant, Response error) {
    }

    private AuthorizationCodeGrant() {
    }

    static Result redeem(Simulator sim, Map<String, String> form, OrgApp app) {
        if (!app.grantTypes().contains("authorization_code")) {
            return error(400, "unauthorized_client", "The client is not authorized to use the provided grant type. "
                    + "Configured grant types: [" + String.join(", ", app.grantTypes()) + "].");
        }
        if (form.get("code") == null || form.get("code").isBlank()) {
            return error(400, "invalid_request", "The 'code' parameter is required.");
        }
        Optional<AuthorizationCodes.Issued> found = sim.authorizationCodes().redeem(form.get("code"), app);
        if (found.isEmpty() || !found.get().user().status().canSignIn()) {
            return error(400, "invalid_grant", "The authorization code is invalid or has expired.");
        }
        AuthorizationCodes.Issued c = found.get();
        if (!c.redirectUri().equals(form.get("redirect_uri"))) {
            return error(400, "invalid_grant", "The 'redirect_uri' does not match the redirection URI used in the authorization request.");
        }
        String verifier = form.get("code_verifier");
        if (c.codeChallenge() != null ? !OAuthResource.pkceMatches(verifier, c.codeChallenge()) : verifier != null) {
            return error(400, "invalid_grant", "PKCE verification failed.");
        }
        return new Result(new Grant(c.user(), c.app(), c.scopes(), c.nonce(), c.amr()), null);
    }

    private static Result error(int status, String error, String description) {
        return new Result(null, OAuthErrors.error(status, error, description));
    }
}
