package io.oiefilter.session;

import io.oiefilter.idx.TokenSet;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionContentsTest {
    private static final TokenSet ALL = new TokenSet("id-token", "access-token", "refresh-token", 3600, "openid");

    @Test
    void autoKeepsWhatTheFilterNeeds() {
        assertEquals(Set.of("refresh"), SessionContents.tokens("auto", false), "to renew the sign-in");
        assertEquals(Set.of("id", "refresh"), SessionContents.tokens("auto", true), "and the end-session hint");
    }

    @Test
    void aListKeepsThoseTokens() {
        SessionContents kept = new SessionContents(SessionContents.tokens("access, id", false), null);
        assertEquals(new TokenSet("id-token", "access-token", null, 3600, "openid"), kept.kept(ALL));
        assertEquals(new TokenSet(null, null, null, 3600, "openid"),
                new SessionContents(SessionContents.tokens("none", false), null).kept(ALL));
    }

    @Test
    void badTokenSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SessionContents.tokens("access, secret", false));
        assertThrows(IllegalArgumentException.class, () -> SessionContents.tokens(" , ", false));
        assertThrows(IllegalArgumentException.class, () -> SessionContents.tokens("none", true),
                "Okta's end-session needs the ID token");
        assertThrows(IllegalArgumentException.class, () -> SessionContents.tokens("access, refresh", true));
    }

    @Test
    void claimsAreAllButTheProtocolsOrTheOnesListed() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "00u1");
        claims.put("nonce", "n");
        claims.put("at_hash", "h");
        claims.put("jti", "ID.1");
        claims.put("email", "alice@example.com");
        claims.put("groups", List.of("Admins"));
        assertNull(SessionContents.claims("*"));
        assertEquals(List.of("sub", "email", "groups"),
                List.copyOf(new SessionContents(Set.of(), null).kept(claims).keySet()));
        assertEquals(Map.of("email", "alice@example.com"),
                new SessionContents(Set.of(), SessionContents.claims("email, department")).kept(claims));
        assertThrows(IllegalArgumentException.class, () -> SessionContents.claims("email, <script>"));
        assertThrows(IllegalArgumentException.class, () -> SessionContents.claims(""));
    }
}
