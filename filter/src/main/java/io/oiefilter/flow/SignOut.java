package io.oiefilter.flow;

import io.oiefilter.log.OieLog;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.token.OidcProvider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-out: revoke the access and refresh tokens, and when a post-logout URL is configured, end the
 * Okta session through the end-session endpoint. The web layer invalidates the HTTP session.
 */
public final class SignOut {
    private static final OieLog LOG = OieLog.of(SignOut.class);

    private final IdxPort idx;
    private final OidcProvider provider;
    private final OieConfig config;

    public SignOut(IdxPort idx, OidcProvider provider, OieConfig config) {
        this.idx = idx;
        this.provider = provider;
        this.config = config;
    }

    /** Revokes the tokens; returns where to send the browser through Okta, if anywhere. */
    public Optional<URI> signOut(OieAuthentication auth) {
        if (auth == null) {
            return Optional.empty();
        }
        idx.revoke(auth.tokens().refreshToken(), "refresh_token");
        idx.revoke(auth.tokens().accessToken(), "access_token");
        Optional<URI> back = config.postLogoutRedirectUri();
        if (back.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI endSession = provider.metadata().endSessionEndpoint();
            if (endSession == null || auth.tokens().idToken() == null) { // the hint Okta needs was not kept
                return Optional.empty();
            }
            return Optional.of(URI.create(endSession + (endSession.getRawQuery() == null ? "?" : "&")
                    + "id_token_hint=" + enc(auth.tokens().idToken())
                    + "&post_logout_redirect_uri=" + enc(back.get().toString())
                    + "&state=" + enc(UUID.randomUUID().toString())));
        } catch (IOException e) {
            LOG.warn("oie-filter: signed out locally; Okta''s end-session endpoint is unknown: {0}",
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
