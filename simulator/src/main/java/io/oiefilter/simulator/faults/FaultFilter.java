package io.oiefilter.simulator.faults;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.oiefilter.simulator.Endpoints;

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

    public FaultFilter(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Optional<Fault> fault = faults.take(Endpoints.of(exchange.getRequestURI().getPath()));
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
