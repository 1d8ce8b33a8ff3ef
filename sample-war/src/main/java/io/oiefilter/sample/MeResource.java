package io.oiefilter.sample;

import io.oiefilter.session.OieUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/me: the signed-in user's ID token claims, through the standard JAX-RS SecurityContext. */
@Path("/me")
public class MeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@Context SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof OieUser user)) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", user.getName());
        body.put("admin", security.isUserInRole("Admins"));
        body.put("authenticationScheme", security.getAuthenticationScheme());
        body.put("claims", user.getClaims());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).build();
    }
}
