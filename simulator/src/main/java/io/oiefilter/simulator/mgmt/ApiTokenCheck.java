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
        return org.apiTokenValid(token(authorization)) ? Optional.empty()
                : Optional.of(OktaErrors.error(401, "E0000011", "Invalid token provided"));
    }

    /** As {@link #refusal}, and Okta's 403 E0000006 when the token's admin may read users but not change them. */
    static Optional<Response> refusalToChange(Org org, String authorization) {
        return refusal(org, authorization).or(() -> org.apiTokenReadOnly(token(authorization))
                ? Optional.of(OktaErrors.error(403, "E0000006", "You do not have permission to perform the requested action"))
                : Optional.empty());
    }

    private static String token(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "SSWS ", 0, 5)
                ? authorization.substring(5).trim() : null;
    }
}
