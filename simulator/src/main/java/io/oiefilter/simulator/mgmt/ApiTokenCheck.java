package io.oiefilter.simulator.mgmt;

import io.oiefilter.simulator.org.Org;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/** The Management API's {@code Authorization: SSWS <api token>} check, shared by the Users and Factors APIs. */
final class ApiTokenCheck {
    private ApiTokenCheck() {
    }

    /** Okta's 401 E0000011 for a missing, malformed or unknown token; empty when the token is valid. */
    static Optional<Response> refusal(Org org, String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "SSWS ", 0, 5)
                ? authorization.substring(5).trim() : null;
        return org.apiTokenValid(token) ? Optional.empty()
                : Optional.of(OktaErrors.error(401, "E0000011", "Invalid token provided"));
    }
}
