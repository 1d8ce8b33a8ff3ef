package io.oiefilter.flow;

import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
import io.oiefilter.log.OieLog;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.token.InvalidIdTokenException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a sign-in lasts: as long as its tokens, renewed through the refresh token when the app
 * asked for {@code offline_access}, and never longer than {@code oie.signIn.maxAgeMinutes} when that
 * is set. The container's session timeout is not a security boundary Okta knows about.
 */
final class SignInLifetime {
    private static final OieLog LOG = OieLog.of(SignInLifetime.class);
    /** Renew a little early, so that a token handed to the app is not about to expire. */
    static final Duration EARLY = Duration.ofSeconds(30);

    private final SignInCompletion completion;
    private final OieConfig config;
    private final Clock clock;

    SignInLifetime(SignInCompletion completion, OieConfig config, Clock clock) {
        this.completion = completion;
        this.config = config;
        this.clock = clock;
    }

    /** Whether the sign-in holds as it is: no network, no crypto. */
    boolean fresh(OieAuthentication auth) {
        Instant now = clock.instant();
        return !tooOld(auth, now) && now.isBefore(expiry(auth).minus(EARLY));
    }

    Optional<OieAuthentication> current(OieAuthentication auth) {
        Instant now = clock.instant();
        if (tooOld(auth, now)) {
            LOG.info("oie-filter: the sign-in of {0} ended: older than {1} minutes", auth.user().getName(),
                    config.signInMaxAge().toMinutes());
            return Optional.empty();
        }
        if (now.isBefore(expiry(auth).minus(EARLY))) {
            return Optional.of(auth);
        }
        if (auth.tokens().refreshToken() == null) {
            LOG.info("oie-filter: the sign-in of {0} ended with its tokens (no refresh token)", auth.user().getName());
            return Optional.empty();
        }
        try {
            return Optional.of(completion.renew(auth));
        } catch (IdxException e) {
            LOG.info("oie-filter: the sign-in of {0} ended: its tokens could not be renewed ({1})", auth.user().getName(), e.kind());
        } catch (InvalidIdTokenException | IOException e) {
            LOG.warn("oie-filter: the sign-in of {0} ended: the renewed ID token was not accepted: {1}", auth.user().getName(),
                    e.getMessage());
        }
        return Optional.empty();
    }

    private boolean tooOld(OieAuthentication auth, Instant now) {
        Duration maxAge = config.signInMaxAge();
        return !maxAge.isZero() && now.isAfter(auth.authenticatedAt().plus(maxAge));
    }

    private static Instant expiry(OieAuthentication auth) {
        return auth.tokensExpireAt() != null ? auth.tokensExpireAt()
                : auth.authenticatedAt().plusSeconds(Math.max(60, auth.tokens().expiresInSeconds()));
    }
}
