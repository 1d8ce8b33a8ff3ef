package io.oiefilter.flow;

import com.nimbusds.jwt.JWTClaimsSet;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.idx.TokenSet;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.session.OieUser;
import io.oiefilter.token.InvalidIdTokenException;
import io.oiefilter.token.OidcProvider;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server-side interaction code flow, free of the servlet API: each call takes the transaction
 * the session holds and returns what to do next. The web layer stores the transaction it gets back.
 */
public final class SignInFlow {
    private static final System.Logger LOG = System.getLogger(SignInFlow.class.getName());

    private final IdxPort idx;
    private final OidcProvider provider;
    private final OieConfig config;

    public SignInFlow(IdxPort idx, OidcProvider provider, OieConfig config) {
        this.idx = idx;
        this.provider = provider;
        this.config = config;
    }

    /** A new transaction, at its first page. */
    public FlowResult start() {
        try {
            return next(idx.begin(), List.of());
        } catch (IdxException e) {
            return failed("begin", e);
        }
    }

    /** Shows the transaction's current page again (GET after a redirect). */
    public FlowResult show(IdxTransaction tx) {
        return page(tx, List.of());
    }

    public FlowResult identify(IdxTransaction tx, String identifier, char[] password) {
        if (identifier == null || identifier.isBlank()) {
            return page(tx, List.of("oie.error.identifierRequired"));
        }
        boolean needsPassword = tx.step().remediation("identify").map(r -> r.hasField("credentials")).orElse(false);
        if (needsPassword && (password == null || password.length == 0)) {
            return page(tx, List.of("oie.error.passwordRequired"));
        }
        try {
            return next(tx.withStep(idx.identify(tx, identifier.trim(), needsPassword ? password : null)), List.of());
        } catch (IdxException e) {
            return refused(tx, e, "oie.error.signInFailed");
        }
    }

    public FlowResult answerPassword(IdxTransaction tx, char[] password) {
        if (password == null || password.length == 0) {
            return page(tx, List.of("oie.error.passwordRequired"));
        }
        try {
            return next(tx.withStep(idx.answer(tx, password)), List.of());
        } catch (IdxException e) {
            return refused(tx, e, "oie.error.passwordIncorrect");
        }
    }

    /** Start over: cancel inside Okta's transaction, or a new one if that is gone. */
    public FlowResult restart(IdxTransaction tx) {
        if (tx == null) {
            return start();
        }
        try {
            return next(tx.withStep(idx.cancel(tx)), List.of());
        } catch (IdxException e) {
            return start();
        }
    }

    private FlowResult refused(IdxTransaction tx, IdxException e, String messageKey) {
        return switch (e.kind()) {
            case REJECTED -> page(e.current() != null ? tx.withStep(e.current()) : tx, List.of(messageKey));
            case SESSION_EXPIRED -> expired();
            default -> failed("step", e);
        };
    }

    private FlowResult expired() {
        FlowResult fresh = start();
        if (fresh instanceof FlowResult.Page p) {
            return new FlowResult.Page(p.transaction(), p.view(), List.of("oie.error.sessionExpired"), p.remediationNames());
        }
        return fresh;
    }

    private FlowResult next(IdxTransaction tx, List<String> messages) {
        if (tx.step().succeeded()) {
            return complete(tx);
        }
        return page(tx, messages);
    }

    private FlowResult page(IdxTransaction tx, List<String> messages) {
        IdxStep step = tx.step();
        SignInView view = viewFor(step);
        if (view == SignInView.UNSUPPORTED) {
            LOG.log(System.Logger.Level.WARNING, "oie-filter: Okta asks for a step this filter does not handle: {0}",
                    step.remediationNames());
        }
        return new FlowResult.Page(tx, view, messages, step.remediationNames());
    }

    static SignInView viewFor(IdxStep step) {
        Optional<IdxRemediation> first = step.remediations().stream().findFirst();
        if (first.isEmpty()) {
            return SignInView.UNSUPPORTED;
        }
        return switch (first.get().name()) {
            case "identify" -> SignInView.IDENTIFY;
            case "challenge-authenticator" -> "password".equals(step.currentAuthenticator())
                    ? SignInView.PASSWORD : SignInView.UNSUPPORTED;
            default -> SignInView.UNSUPPORTED;
        };
    }

    private FlowResult complete(IdxTransaction tx) {
        TokenSet tokens;
        try {
            tokens = idx.redeem(tx);
        } catch (IdxException e) {
            return failed("token", e);
        }
        JWTClaimsSet claims;
        try {
            claims = provider.idTokenValidator().validate(tokens.idToken(), tx.nonce());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "oie-filter: cannot read the issuer''s metadata or keys: {0}", e.getMessage());
            return new FlowResult.Failed("oie.error.unavailable", 0);
        } catch (InvalidIdTokenException e) {
            LOG.log(System.Logger.Level.WARNING, "oie-filter: sign-in refused, {0}", e.getMessage());
            return new FlowResult.Failed("oie.error.invalidToken", 0);
        }
        return new FlowResult.SignedIn(new OieAuthentication(userFrom(claims), tokens, Instant.now()));
    }

    OieUser userFrom(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        String name = stringClaim(claims, config.principalClaim());
        if (name == null) {
            name = subject;
        }
        String display = stringClaim(claims, "name");
        List<String> groups = new ArrayList<>();
        Object g = claims.getClaim(config.groupsClaim());
        if (g instanceof List<?> list) {
            list.forEach(x -> { if (x != null) groups.add(String.valueOf(x)); });
        } else if (g instanceof String s) {
            groups.add(s);
        }
        return new OieUser(name, subject, display != null ? display : name, stringClaim(claims, "email"), groups,
                claims.toString());
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v == null ? null : String.valueOf(v);
    }

    private FlowResult failed(String where, IdxException e) {
        LOG.log(System.Logger.Level.WARNING, "oie-filter: sign-in {0} failed ({1}): {2}", where, e.kind(), e.getMessage());
        return switch (e.kind()) {
            case RATE_LIMITED -> new FlowResult.Failed("oie.error.rateLimited", 60);
            case SESSION_EXPIRED -> new FlowResult.Failed("oie.error.sessionExpired", 0);
            default -> new FlowResult.Failed("oie.error.unavailable", 0);
        };
    }
}
