package io.oiefilter.web;

import io.oiefilter.config.AddressRanges;
import io.oiefilter.config.OieConfig;
import io.oiefilter.readiness.Readiness;
import io.oiefilter.readiness.ReadinessReport;
import io.oiefilter.session.OieUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The operator view of the readiness check ({@code oie.readiness.path}, off by default): 200 when ready, 503
 * otherwise, as JSON ({@code Accept: application/json} or {@code ?format=json}) or as a page. Only loopback clients
 * (as {@code oie.trustedProxies} tells the client's address) and people in {@code oie.readiness.role} see it; anyone
 * else gets the 404 of a page that does not exist.
 */
final class ReadinessEndpoint {
    private final Readiness readiness;
    private final String path;
    private final Optional<String> role;
    private final ClientAddresses addresses;

    ReadinessEndpoint(OieConfig config, Readiness readiness) {
        this.readiness = readiness;
        this.path = config.readinessPath().orElseThrow();
        this.role = config.readinessRole();
        this.addresses = new ClientAddresses(config.trustedProxies());
    }

    boolean serves(String pathWithinApp) {
        return path.equals(pathWithinApp);
    }

    void handle(HttpServletRequest req, HttpServletResponse res, Optional<OieUser> user) throws IOException {
        res.setHeader("Cache-Control", "no-store");
        if (!allowed(req, user)) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            res.setHeader("Allow", "GET, HEAD");
            res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        ReadinessReport report = readiness.onDemand();
        res.setStatus(report.ready() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        res.setHeader("X-Content-Type-Options", "nosniff");
        if (wantsJson(req)) {
            res.setContentType("application/json;charset=UTF-8");
            res.getWriter().write(report.json());
        } else {
            res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write(report.html());
        }
    }

    private boolean allowed(HttpServletRequest req, Optional<OieUser> user) {
        if (loopback(addresses.of(req))) {
            return true;
        }
        return role.isPresent() && (user.map(u -> u.getRoles().contains(role.get())).orElse(false) || req.isUserInRole(role.get()));
    }

    private static boolean loopback(String address) {
        if (address == null || !AddressRanges.isLiteral(address)) {
            return false; // never a name lookup: a literal address or nothing
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean wantsJson(HttpServletRequest req) {
        if ("json".equals(req.getParameter("format"))) {
            return true;
        }
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }
}
