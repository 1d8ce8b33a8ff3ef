package io.oiefilter.simulator;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.oiefilter.simulator.admin.AdminResource;
import io.oiefilter.simulator.faults.FaultFilter;
import io.oiefilter.simulator.faults.Faults;
import io.oiefilter.simulator.idx.IdxEngine;
import io.oiefilter.simulator.idx.IdxResource;
import io.oiefilter.simulator.idx.IdxResponses;
import io.oiefilter.simulator.idx.Interactions;
import io.oiefilter.simulator.mail.Outbox;
import io.oiefilter.simulator.mgmt.UsersResource;
import io.oiefilter.simulator.oauth.Grants;
import io.oiefilter.simulator.oauth.OAuthResource;
import io.oiefilter.simulator.oauth.TokenIssuer;
import io.oiefilter.simulator.org.Org;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.Duration;

/**
 * A local Okta org speaking the IDX, OAuth 2.0 and OIDC wire formats, bound to loopback only.
 *
 * <pre>Simulator sim = Simulator.start(Org.defaultSeed(), 0); ... sim.stop();</pre>
 */
public final class Simulator implements AutoCloseable {
    /** How long an IDX transaction lives, as in Okta's default. */
    public static final Duration TRANSACTION_LIFETIME = Duration.ofMinutes(60);

    private final Org org;
    private final SimulatorClock clock = new SimulatorClock();
    private final Outbox outbox = new Outbox();
    private final RequestLog requestLog = new RequestLog();
    private final Faults faults = new Faults();
    private final RateLimits rateLimits = new RateLimits(clock);
    private HttpServer server;
    private JdkHttpHandlerContainer container;
    private ExecutorService executor;
    private String baseUri;
    private Interactions interactions;
    private IdxResponses responses;
    private IdxEngine engine;
    private TokenIssuer tokens;
    private final Grants grants = new Grants();

    private Simulator(Org org) {
        this.org = org;
    }

    /** Starts on 127.0.0.1 and the given port (0 picks a free one). */
    public static Simulator start(Org org, int port) {
        Simulator sim = new Simulator(org);
        sim.listen(port);
        return sim;
    }

    private void listen(int port) {
        Simulator self = this;
        ResourceConfig config = new ResourceConfig(OAuthResource.class, IdxResource.class, UsersResource.class,
                AdminResource.class, RequestLogFilter.class, RateLimitFilter.class).register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(self).to(Simulator.class);
                    }
                });
        try {
            // Loopback only; bound before anything else so the base URI (hrefs, issuer) names the real port.
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        baseUri = "http://127.0.0.1:" + server.getAddress().getPort();
        interactions = new Interactions(clock, TRANSACTION_LIFETIME);
        responses = new IdxResponses(baseUri, issuer(), org);
        engine = new IdxEngine(org, interactions, outbox, clock);
        tokens = new TokenIssuer(issuer(), clock);
        container = ContainerFactory.createContainer(JdkHttpHandlerContainer.class, config);
        HttpContext context = server.createContext("/", container);
        context.getFilters().add(new FaultFilter(faults));
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "oie-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        container.getApplicationHandler().onStartup(container);
    }

    public String baseUri() {
        return baseUri;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The default custom authorization server, as an app would configure it. */
    public String issuer() {
        return baseUri + "/oauth2/default";
    }

    public Org org() {
        return org;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public Interactions interactions() {
        return interactions;
    }

    public IdxResponses responses() {
        return responses;
    }

    public IdxEngine engine() {
        return engine;
    }

    /** Every email the org sent. */
    public Outbox outbox() {
        return outbox;
    }

    /** The org's clock; {@code clock().advance(...)} moves time forward for expiry tests. */
    public SimulatorClock clock() {
        return clock;
    }

    public Grants grants() {
        return grants;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
            container.getApplicationHandler().onShutdown(container);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Faults armed per endpoint (see {@link Endpoints}). */
    public Faults faults() {
        return faults;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    @Override
    public void close() {
        stop();
    }
}
