package io.oiefilter.simulator.mgmt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.Org;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Error bodies in the Okta core API's shape (errorCode, errorSummary, errorLink, errorId, errorCauses). */
public final class OktaErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OktaErrors() {
    }

    public static Response error(int status, String code, String summary, String... causes) {
        ObjectNode body = JSON.createObjectNode().put("errorCode", code).put("errorSummary", summary)
                .put("errorLink", code).put("errorId", Org.newId("oae"));
        var array = body.putArray("errorCauses");
        for (String c : causes) {
            array.add(JSON.createObjectNode().put("errorSummary", c));
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    static Response notFound(String what) {
        return error(404, "E0000007", "Not found: Resource not found: " + what + " (User)");
    }

    static Response factorNotFound(String factorId) {
        return error(404, "E0000007", "Not found: Resource not found: " + factorId + " (UserFactor)");
    }

    /** A wrong (or expired, or already used) passcode for a factor: 403, as the Factors API documents. */
    static Response invalidPasscode() {
        return error(403, "E0000068", "Invalid Passcode/Answer", "Your passcode doesn't match our records. Please try again.");
    }

    /** A second email challenge within Okta's per-address interval. */
    static Response emailRecentlySent() {
        return error(429, "E0000118", "An email was recently sent. Please wait "
                + EmailFactorCodes.RESEND_INTERVAL.toSeconds() + " seconds before trying again.");
    }

    static Response notAllowed() {
        return error(403, "E0000038", "This operation is not allowed in the user's current status.");
    }
}
