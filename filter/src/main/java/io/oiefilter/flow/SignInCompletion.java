package io.oiefilter.flow;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.idx.TokenSet;
import io.oiefilter.log.OieLog;
import io.oiefilter.session.ClaimsMapper;
import io.oiefilter.session.DefaultClaimsMapper;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.session.OieUser;
import io.oiefilter.session.PrincipalMapping;
import io.oiefilter.token.InvalidIdTokenException;
import io.oiefilter.token.OidcProvider;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The end of a sign-in: the interaction code for tokens, the ID token validated (signature, issuer,
 * audience, times, the nonce we sent), and the user the app will see; also the same for tokens
 * renewed with a refresh token.
 */
final class SignInCompletion {
    private static final OieLog LOG = OieLog.of(SignInCompletion.class);

    private final IdxPort idx;
    private final OidcProvider provider;
    private final OieConfig config;
    private final ClaimsMapper mapper;
    private final Clock clock;

    SignInCompletion(IdxPort idx, OidcProvider provider, OieConfig config, ClaimsMapper mapper, Clock clock) {
        this.idx = idx;
        this.provider = provider;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    FlowResult complete(IdxTransaction tx) {
        TokenSet tokens;
        try {
            tokens = idx.redeem(tx);
        } catch (IdxException e) {
            return OktaFailures.page("token", e);
        }
        JWTClaimsSet claims;
        OieUser user;
        try {
            claims = provider.idTokenValidator().validate(tokens.idToken(), tx.nonce());
            user = userFrom(claims);
        } catch (IOException e) {
            LOG.warn("oie-filter: cannot read the issuer''s metadata or keys: {0}", e.getMessage());
            return new FlowResult.Failed("oie.error.unavailable", 0);
        } catch (InvalidIdTokenException e) {
            LOG.warn("oie-filter: sign-in refused, {0}", e.getMessage());
            return new FlowResult.Failed("oie.error.invalidToken", 0);
        }
        Instant now = clock.instant();
        return new FlowResult.SignedIn(new OieAuthentication(user, config.sessionContents().kept(tokens), now,
                expiry(tokens, claims, now)));
    }

    /**
     * New tokens for a sign-in whose tokens expired, when it has a refresh token; the same person
     * (subject) or nothing.
     */
    OieAuthentication renew(OieAuthentication auth) throws IdxException, InvalidIdTokenException, IOException {
        TokenSet renewed = idx.refresh(auth.tokens().refreshToken());
        Instant now = clock.instant();
        OieUser user = auth.user();
        JWTClaimsSet claims = null;
        if (renewed.idToken() != null) {
            claims = provider.idTokenValidator().validate(renewed.idToken(), null);
            if (!user.getSubject().equals(claims.getSubject())) {
                throw new InvalidIdTokenException("renewed ID token is for another subject", null);
            }
            user = userFrom(claims);
        }
        TokenSet kept = renewed.idToken() != null ? renewed
                : new TokenSet(auth.tokens().idToken(), renewed.accessToken(), renewed.refreshToken(), renewed.expiresInSeconds(),
                renewed.scope());
        return new OieAuthentication(user, config.sessionContents().kept(kept), auth.authenticatedAt(), expiry(renewed, claims, now));
    }

    private static Instant expiry(TokenSet tokens, JWTClaimsSet claims, Instant now) {
        Instant access = tokens.expiresInSeconds() > 0 ? now.plusSeconds(tokens.expiresInSeconds()) : null;
        Instant id = claims != null && claims.getExpirationTime() != null ? claims.getExpirationTime().toInstant() : null;
        if (access == null) {
            return id != null ? id : now.plusSeconds(3600);
        }
        return id != null && id.isBefore(access) ? id : access;
    }

    /** The user the app sees: name and roles from the claims mapper; a mapper that fails refuses the sign-in. */
    OieUser userFrom(JWTClaimsSet claims) throws InvalidIdTokenException {
        Map<String, Object> json = Collections.unmodifiableMap(claims.toJSONObject());
        PrincipalMapping mapped;
        try {
            mapped = mapper.map(json);
        } catch (RuntimeException e) {
            throw new InvalidIdTokenException("the claims mapper " + mapper.getClass().getName() + " refused the claims of "
                    + claims.getSubject() + ": " + e, e);
        }
        if (mapped == null) {
            throw new InvalidIdTokenException("the claims mapper " + mapper.getClass().getName() + " gave no principal for "
                    + claims.getSubject(), null);
        }
        String display = stringClaim(claims, "name");
        List<String> groups = DefaultClaimsMapper.strings(claims.getClaim(config.groupsClaim()));
        return new OieUser(mapped.name(), claims.getSubject(), display != null ? display : mapped.name(),
                stringClaim(claims, "email"), groups, mapped.roles(),
                JSONObjectUtils.toJSONString(config.sessionContents().kept(claims.toJSONObject())));
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v == null ? null : String.valueOf(v);
    }
}
