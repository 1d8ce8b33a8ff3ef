package io.oiefilter.sample;

import io.oiefilter.session.AuthenticatedRequest;
import io.oiefilter.session.OieUser;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.Optional;

/** GET /api/me: the signed-in user's ID token claims, through the standard JAX-RS SecurityContext. */
@Path("/me")
public class MeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@Context SecurityContext security, @Context HttpServletRequest request) {
        // The filter's OieUser, also where the JAX-RS runtime presents the container's own principal instead.
        Optional<OieUser> signedIn = AuthenticatedRequest.userOf(security.getUserPrincipal(), request);
        if (signedIn.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        OieUser user = signedIn.get();
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
