package io.oiefilter.simulator.faults;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.oiefilter.simulator.CorsFilter;
import io.oiefilter.simulator.Endpoints;
import io.oiefilter.simulator.org.Org;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Applies faults on the wire, below JAX-RS, so that what a client gets is exactly what was asked
 * for: no Content-Type at all, or a connection closed with no answer.
 */
public final class FaultFilter extends Filter {
    private final Faults faults;
    private final Org org;

    public FaultFilter(Faults faults, Org org) {
        this.faults = faults;
        this.org = org;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        // A browser's preflight is not the call a fault was armed for: it must not use the fault up.
        if (CorsFilter.preflight(exchange.getRequestMethod(), origin, exchange.getRequestHeaders().getFirst("Access-Control-Request-Method"))) {
            chain.doFilter(exchange);
            return;
        }
        Optional<Fault> fault = faults.take(Endpoints.of(path));
        if (fault.isEmpty()) {
            chain.doFilter(exchange);
            return;
        }
        Fault f = fault.get();
        f.pause();
        if (f.drop()) {
            exchange.getRequestBody().readAllBytes();
            exchange.close(); // no status line: the client sees the connection end
            return;
        }
        if (f.status() == 0) {
            chain.doFilter(exchange);
            return;
        }
        exchange.getRequestBody().readAllBytes();
        byte[] body = f.body() == null ? new byte[0] : f.body().getBytes(StandardCharsets.UTF_8);
        if (f.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", f.contentType());
        }
        CorsFilter.answerHeaders(path, origin, org).forEach(exchange.getResponseHeaders()::set); // a trusted page can read it
        exchange.sendResponseHeaders(f.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public String description() {
        return "oie-simulator fault injection";
    }
}
