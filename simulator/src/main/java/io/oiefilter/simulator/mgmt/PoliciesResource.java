package io.oiefilter.simulator.mgmt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Okta's Policies API, read only and for the one policy type the filter reads: {@code GET /api/v1/policies?type=MFA_ENROLL}
 * lists the org's authenticator enrollment policy, {@code settings.type AUTHENTICATORS} with one entry per authenticator
 * ({@code key}, {@code enroll.self} REQUIRED, OPTIONAL or NOT_ALLOWED), as Okta's Policy API documents it. Any other type
 * is an empty list here (the simulator has no other policies to show).
 */
@Path("/api/v1/policies")
public final class PoliciesResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Simulator sim;

    @Inject
    public PoliciesResource(Simulator sim) {
        this.sim = sim;
    }

    @GET
    public Response list(@HeaderParam("Authorization") String auth, @QueryParam("type") String type) {
        if (type == null || type.isBlank()) {
            return OktaErrors.error(400, "E0000001", "Api validation failed: type", "type: The field cannot be left blank");
        }
        return ApiTokenCheck.refusal(sim.org(), auth).orElseGet(() -> {
            ArrayNode all = JSON.createArrayNode();
            if ("MFA_ENROLL".equals(type)) {
                all.add(enrollmentPolicy());
            }
            return Response.ok(all.toString(), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    private ObjectNode enrollmentPolicy() {
        ObjectNode policy = JSON.createObjectNode().put("id", "00p-default-enrollment").put("type", "MFA_ENROLL")
                .put("name", "Default Policy").put("status", "ACTIVE").put("system", true).put("priority", 1);
        ArrayNode authenticators = JSON.createArrayNode();
        for (AuthenticatorKind kind : AuthenticatorKind.values()) {
            if (sim.org().authenticatorActive(kind)) {
                ObjectNode a = authenticators.addObject().put("key", kind.key());
                a.putObject("enroll").put("self", String.valueOf(sim.org().enrollmentPolicy(kind)));
            }
        }
        ObjectNode settings = policy.putObject("settings").put("type", "AUTHENTICATORS");
        settings.set("authenticators", authenticators);
        return policy;
    }
}
