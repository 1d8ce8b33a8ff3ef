package io.oiefilter.simulator;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * Adds the time the simulator spends on each Okta request to the {@link RequestLog}: from the request's
 * headers read to its answer written, faults and JSON included, so a benchmark can subtract the org's own time.
 */
final class TimingFilter extends Filter {
    private final RequestLog log;

    TimingFilter(RequestLog log) {
        this.log = log;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (CorsFilter.preflight(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Origin"),
                exchange.getRequestHeaders().getFirst("Access-Control-Request-Method"))) {
            chain.doFilter(exchange); // a browser's preflight is not a call to the endpoint, nor timed as one
            return;
        }
        String endpoint = Endpoints.of(exchange.getRequestURI().getPath());
        long start = System.nanoTime();
        try {
            chain.doFilter(exchange);
        } finally {
            if (!endpoint.startsWith("admin/")) { // the simulator's own controls are not Okta round trips
                log.time(endpoint, System.nanoTime() - start);
            }
        }
    }

    @Override
    public String description() {
        return "oie-simulator time per endpoint";
    }
}
