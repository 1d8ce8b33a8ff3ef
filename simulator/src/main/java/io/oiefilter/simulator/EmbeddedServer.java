package io.oiefilter.simulator;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.oiefilter.simulator.faults.FaultFilter;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer;
import org.glassfish.jersey.server.ContainerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK HTTP server on 127.0.0.1 for the embedded and standalone modes, with faults applied on the wire. */
final class EmbeddedServer {
    static {
        // Without TCP_NODELAY the JDK server's replies meet the client's delayed ACK and wait about 40 ms each
        // time: a delay no Okta org has, which would hide in every figure measured against the simulator.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final JdkHttpHandlerContainer container;
    private final ExecutorService executor;

    EmbeddedServer(Simulator sim, int port) {
        try {
            // Bound before anything else so the base URI (hrefs, issuer) names the real port.
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        container = ContainerFactory.createContainer(JdkHttpHandlerContainer.class, sim.resources());
        HttpContext context = server.createContext("/", container);
        context.getFilters().add(new TimingFilter(sim.requestLog())); // outermost: faults' delays are the org's time too
        context.getFilters().add(new FaultFilter(sim.faults(), sim.org()));
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "oie-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start() {
        server.start();
        container.getApplicationHandler().onStartup(container);
    }

    void stop() {
        server.stop(0);
        container.getApplicationHandler().onShutdown(container);
        executor.shutdownNow();
    }
}
