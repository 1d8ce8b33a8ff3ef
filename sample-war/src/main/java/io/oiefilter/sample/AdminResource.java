package io.oiefilter.sample;

import io.oiefilter.sample.security.ContainerSecurity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * GET /api/admin/report (an EJB) and /api/admin/notes (a CDI bean), both {@code @RolesAllowed("Admins")}:
 * 200 for an administrator, 403 for anyone else signed in. Needs container security (501 without it).
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @GET
    @Path("report")
    public Response report() {
        return answer(ContainerSecurity.adminReport());
    }

    @GET
    @Path("notes")
    public Response notes() {
        return answer(ContainerSecurity.teamNotes());
    }

    static Response answer(ContainerSecurity.Answer answer) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(answer.status()).entity(answer.json()).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore).build();
    }
}
