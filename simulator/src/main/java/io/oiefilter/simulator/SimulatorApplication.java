package io.oiefilter.simulator;

import io.oiefilter.simulator.org.Org;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.jersey.server.ResourceConfig;

import java.nio.file.Path;

/**
 * The simulator as a WAR on a Jakarta EE server (Payara uses Jersey). Deploy it at the context
 * root ("/", e.g. as ROOT.war): Okta's IDX endpoints live at the org's root. The seed comes from the
 * system property {@code oie.simulator.seed} or the environment variable {@code OIE_SIMULATOR_SEED}
 * (a file path), else the default seed. The org's URL is taken from the first request.
 */
@ApplicationPath("/")
public class SimulatorApplication extends ResourceConfig {
    private static volatile Simulator hosted;

    public SimulatorApplication() {
        Simulator sim = instance();
        sim.configure(this);
        register(new BindBaseUri(sim));
    }

    /** The one simulator of this deployment, shared with the servlet fault filter. */
    static Simulator instance() {
        Simulator s = hosted;
        if (s == null) {
            synchronized (SimulatorApplication.class) {
                s = hosted;
                if (s == null) {
                    String seed = System.getProperty("oie.simulator.seed", System.getenv("OIE_SIMULATOR_SEED"));
                    s = Simulator.hosted(seed == null || seed.isBlank() ? Org.defaultSeed() : Org.fromSeed(Path.of(seed)));
                    hosted = s;
                }
            }
        }
        return s;
    }

    /** Binds the org's URL from the first request, before any resource needs it. */
    @PreMatching
    @Priority(1)
    static final class BindBaseUri implements ContainerRequestFilter {
        private final Simulator sim;

        BindBaseUri(Simulator sim) {
            this.sim = sim;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!sim.bound()) {
                sim.bind(request.getUriInfo().getBaseUri().toString());
            }
        }
    }
}
