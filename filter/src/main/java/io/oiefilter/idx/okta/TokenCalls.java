package io.oiefilter.idx.okta;

import com.okta.idx.sdk.api.response.ErrorResponse;
import com.okta.idx.sdk.api.response.TokenResponse;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxException.Kind;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.idx.TokenSet;
import io.oiefilter.log.OieLog;

import java.time.Clock;
import java.util.List;

/** The token endpoints through okta-idx-java 2.0.0: the interaction code redeemed, tokens revoked. */
final class TokenCalls {
    private static final OieLog LOG = OieLog.of(TokenCalls.class);

    private final SdkCalls sdk;
    private final Clock clock;

    TokenCalls(SdkCalls sdk, Clock clock) {
        this.sdk = sdk;
        this.clock = clock;
    }

    /** Failures are logged, not thrown: the session ends either way. */
    void revoke(String token, String tokenTypeHint) {
        if (token == null) {
            return;
        }
        try {
            SdkCalls.Result<Object> r = sdk.run("revoke", c -> {
                c.revokeToken(tokenTypeHint, token);
                return null;
            });
            // 2.0.0 ignores the status of a revocation; the raw exchange does not.
            int status = r.failure() != null ? r.failure().getHttpStatus() : r.exchange().status();
            if (r.failure() != null || status >= 400) {
                LOG.warn("oie-filter: revoking the {0} failed: HTTP {1}", tokenTypeHint, status);
            }
        } catch (IdxException e) {
            LOG.warn("oie-filter: revoking the {0} failed: {1}", tokenTypeHint, e.getMessage());
        }
    }

    TokenSet redeem(IdxTransaction tx) throws IdxException {
        IdxStep step = tx.step();
        if (step == null || !step.succeeded()) {
            throw new IllegalStateException("The transaction has not succeeded yet");
        }
        SdkCalls.Result<TokenResponse> r = sdk.run("token", c -> c.token(step.tokenUrl(), "interaction_code",
                step.interactionCode(), OktaIdxPort.context(tx)));
        if (r.failure() != null) {
            ErrorResponse er = r.failure().getErrorResponse();
            String detail = er == null ? "" : er.getError() + ": " + er.getErrorDescription();
            if (r.failure().getHttpStatus() == 429) {
                throw IdxFailures.rateLimited("token", r, clock);
            }
            throw new IdxException(Kind.UNAVAILABLE, r.failure().getHttpStatus(), "token exchange refused: HTTP "
                    + r.failure().getHttpStatus() + " " + detail, IdxStates.messages(r.failure()), null, r.failure());
        }
        TokenResponse t = r.value();
        if (t == null || t.getIdToken() == null) {
            throw new IdxException(Kind.UNAVAILABLE, 200, "token: no id_token in the answer", List.of(), null, null);
        }
        return new TokenSet(t.getIdToken(), t.getAccessToken(), t.getRefreshToken(),
                t.getExpiresIn() == null ? 0 : t.getExpiresIn(), t.getScope());
    }
}
