package io.oiefilter.web;

import io.oiefilter.config.AddressRanges;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The client address the throttles count: the connection's peer, unless that peer is one of the
 * configured trusted proxies ({@code oie.trustedProxies}); then the nearest address in
 * {@code Forwarded} (RFC 7239) or else {@code X-Forwarded-For} that is not itself a trusted proxy.
 * Headers from anyone else are ignored: a client cannot choose the address it is counted under.
 */
final class ClientAddresses {
    private final AddressRanges trusted;

    ClientAddresses(AddressRanges trusted) {
        this.trusted = trusted;
    }

    String of(HttpServletRequest req) {
        String peer = req.getRemoteAddr();
        if (trusted.isEmpty() || !trusted.contains(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(req);
        if (hops.isEmpty()) {
            hops = xForwardedFor(req);
        }
        // From the nearest hop back: the first one not a proxy of ours is the client as far as we can tell.
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trusted.contains(hop)) {
                return AddressRanges.isLiteral(hop) ? hop : peer;
            }
        }
        return !hops.isEmpty() && AddressRanges.isLiteral(hops.get(0)) ? hops.get(0) : peer; // all hops are ours
    }

    private static List<String> forwardedFor(HttpServletRequest req) {
        List<String> out = new ArrayList<>();
        for (String header : values(req, "Forwarded")) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    String p = pair.trim();
                    if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                        out.add(node(p.substring(4)));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> xForwardedFor(HttpServletRequest req) {
        List<String> out = new ArrayList<>();
        for (String header : values(req, "X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    out.add(hop.trim());
                }
            }
        }
        return out;
    }

    /** A Forwarded node: unquoted, without brackets or port ({@code "[2001:db8::1]:4711"}, {@code 192.0.2.1:80}). */
    private static String node(String v) {
        String s = v.trim();
        if (s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end > 0 ? s.substring(1, end) : s;
        }
        int colon = s.indexOf(':');
        return colon > 0 && s.indexOf(':', colon + 1) < 0 ? s.substring(0, colon) : s;
    }

    private static List<String> values(HttpServletRequest req, String name) {
        Enumeration<String> e = req.getHeaders(name);
        return e == null ? List.of() : Collections.list(e);
    }
}
