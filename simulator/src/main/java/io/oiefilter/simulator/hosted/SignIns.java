package io.oiefilter.simulator.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.oauth.AuthorizeRequest;
import io.oiefilter.simulator.org.Org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosted page's sign-ins in progress, one per /v1/authorize that showed the page. Each is bound to the browser
 * that started it (its {@code DT} device cookie) and carries the CSRF token its forms must send back.
 */
public final class SignIns {
    /** Okta's device token cookie: identifies the browser; a sign-in only answers the browser that started it. */
    public static final String DEVICE_COOKIE = "DT";

    /** One sign-in on the hosted page: the authorize request it answers and the IDX transaction's latest state. */
    public static final class SignIn {
        final String id = Org.randomString(32);
        final String csrfToken = Org.randomString(43);
        final AuthorizeRequest request;
        final String deviceToken;
        final String interactionHandle;
        final Instant expiresAt;
        /** The latest IDX state (or terminal answer) and its HTTP status: what the page shows and its forms submit to. */
        JsonNode state;
        int status;

        SignIn(AuthorizeRequest request, String deviceToken, String interactionHandle, Instant expiresAt) {
            this.request = request;
            this.deviceToken = deviceToken;
            this.interactionHandle = interactionHandle;
            this.expiresAt = expiresAt;
        }

        public String id() { return id; }
        public AuthorizeRequest request() { return request; }

        boolean belongsTo(String deviceCookie) {
            return deviceCookie != null && MessageDigest.isEqual(deviceToken.getBytes(StandardCharsets.UTF_8),
                    deviceCookie.getBytes(StandardCharsets.UTF_8));
        }

        boolean csrfMatches(String candidate) {
            return candidate != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    candidate.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, SignIn> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    public SignIns(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public SignIn open(AuthorizeRequest request, String deviceToken, String interactionHandle) {
        Instant now = clock.instant();
        byId.values().removeIf(s -> now.isAfter(s.expiresAt));
        SignIn s = new SignIn(request, deviceToken, interactionHandle, now.plus(lifetime));
        byId.put(s.id, s);
        return s;
    }

    /** The live sign-in of that id, if this browser started it. */
    Optional<SignIn> find(String id, String deviceCookie) {
        SignIn s = id == null ? null : byId.get(id);
        if (s == null || clock.instant().isAfter(s.expiresAt) || !s.belongsTo(deviceCookie)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void finish(SignIn s) {
        byId.remove(s.id);
    }
}
