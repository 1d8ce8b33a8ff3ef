package io.oiefilter.simulator.faults;

import io.oiefilter.simulator.CorsFilter;
import io.oiefilter.simulator.Endpoints;
import io.oiefilter.simulator.org.Org;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fault injection for the WAR: status, body, content type (or none) and delay. A servlet cannot
 * drop its connection, so there a "drop" fault answers an empty 500 instead.
 */
public abstract class FaultServletFilter extends HttpFilter {
    /** Where the deployment keeps its faults. */
    protected abstract Faults faults();

    /** The deployment's org: a fault's answer carries the CORS headers its own answers would. */
    protected abstract Org org();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String origin = req.getHeader("Origin");
        // A browser's preflight is not the call a fault was armed for: it must not use the fault up.
        if (CorsFilter.preflight(req.getMethod(), origin, req.getHeader("Access-Control-Request-Method"))) {
            chain.doFilter(req, res);
            return;
        }
        Optional<Fault> fault = faults().take(Endpoints.of(path));
        if (fault.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        Fault f = fault.get();
        f.pause();
        if (f.drop()) {
            res.setStatus(500);
            res.setContentLength(0);
            res.flushBuffer();
            return;
        }
        if (f.status() == 0) {
            chain.doFilter(req, res);
            return;
        }
        res.setStatus(f.status());
        CorsFilter.answerHeaders(path, origin, org()).forEach(res::setHeader);
        if (f.contentType() != null) {
            res.setContentType(f.contentType());
        }
        byte[] body = f.body() == null ? new byte[0] : f.body().getBytes(StandardCharsets.UTF_8);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
