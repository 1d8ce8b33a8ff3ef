package io.oiefilter.simulator.hosted;

import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's browser sessions (Okta's {@code sid} cookie): made when someone signs in on the hosted page, so a
 * second /v1/authorize skips the page; ended by /v1/logout. They live 2 hours, Okta's default maximum.
 */
public final class OktaSessions {
    public static final String COOKIE = "sid";
    public static final Duration LIFETIME = Duration.ofHours(2);

    /** A signed-in browser: who, with which authenticators (as amr values), and when. */
    public record Session(String id, OrgUser user, List<String> amr, Instant authTime, Instant expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public OktaSessions(Clock clock) {
        this.clock = clock;
    }

    public Session open(OrgUser user, List<String> amr) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> now.isAfter(s.expiresAt()));
        Session s = new Session("102" + Org.randomString(22), user, List.copyOf(amr), now, now.plus(LIFETIME));
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session of that id whose user may still sign in (a suspended or locked user's session is over). */
    public Optional<Session> find(String id) {
        Session s = id == null ? null : sessions.get(id);
        if (s == null || clock.instant().isAfter(s.expiresAt()) || !s.user().status().canSignIn()) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user (not an Okta endpoint here; for tests and admins). */
    public void endAllOf(OrgUser user) {
        sessions.values().removeIf(s -> s.user().id().equals(user.id()));
    }
}
