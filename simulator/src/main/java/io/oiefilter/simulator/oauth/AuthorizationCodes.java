package io.oiefilter.simulator.oauth;

import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes of /v1/authorize: single use, bound to the client and redirect URI, 60 seconds, as Okta's. */
public final class AuthorizationCodes {
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    /** What a code was issued for; {@code codeChallenge} is null when the client sent none (confidential clients). */
    public record Issued(OrgUser user, OrgApp app, List<String> scopes, String nonce, String redirectUri,
                         String codeChallenge, List<String> amr, Instant authTime, Instant expiresAt) {
        public Issued {
            scopes = List.copyOf(scopes);
            amr = List.copyOf(amr);
        }
    }

    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private final Clock clock;

    public AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    public String issue(OrgUser user, OrgApp app, List<String> scopes, String nonce, String redirectUri, String codeChallenge,
                        List<String> amr, Instant authTime) {
        Instant now = clock.instant();
        codes.values().removeIf(c -> now.isAfter(c.expiresAt())); // keeps the map small on a long-running org
        String code = Org.randomString(43);
        codes.put(code, new Issued(user, app, scopes, nonce, redirectUri, codeChallenge, amr, authTime, now.plus(LIFETIME)));
        return code;
    }

    /**
     * The code's grant if it is live and was issued to this client for this redirect URI. Any attempt uses the code
     * up, a failed one too: a code that leaked to the wrong party is worth nothing afterwards.
     */
    public Optional<Issued> redeem(String code, OrgApp app) {
        Issued issued = code == null ? null : codes.remove(code);
        if (issued == null || clock.instant().isAfter(issued.expiresAt()) || !issued.app().clientId().equals(app.clientId())) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }
}
