package io.oiefilter.sample;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET /api/async/me: an asynchronous JAX-RS resource behind the filter. The request is suspended and resumed from
 * another thread (the JVM's common pool: no server-specific executor, so it runs on any server), which reads the user
 * from the request's SecurityContext: the filter's request backs it on any thread. The resuming thread writes the
 * answer, so it carries the application's class loader, where the JSON provider is looked up.
 */
@Path("/async/me")
public class AsyncMeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public void me(@Context SecurityContext security, @Suspended AsyncResponse async) {
        String requestThread = Thread.currentThread().getName();
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        async.setTimeout(30, java.util.concurrent.TimeUnit.SECONDS);
        CompletableFuture.runAsync(() -> {
            Thread worker = Thread.currentThread();
            ClassLoader before = worker.getContextClassLoader();
            worker.setContextClassLoader(application);
            try {
                async.resume(answer(security.getUserPrincipal(), !worker.getName().equals(requestThread)));
            } catch (RuntimeException e) {
                async.resume(e);
            } finally {
                worker.setContextClassLoader(before);
            }
        });
    }

    private static Response answer(Principal user, boolean otherThread) {
        if (user == null) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", user.getName());
        body.put("otherThread", otherThread);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).build();
    }
}
