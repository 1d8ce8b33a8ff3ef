package io.oiefilter.idx.okta;

import com.okta.idx.sdk.api.exception.ProcessingException;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxException.Kind;
import io.oiefilter.idx.IdxMessage;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxTransaction;

import java.time.Clock;
import java.util.List;

/** How the port's calls fail: Okta's rate limit, an unusable answer, a step not offered. */
final class IdxFailures {
    private IdxFailures() {
    }

    static IdxException rateLimited(String name, SdkCalls.Result<?> r, Clock clock) {
        return new IdxException(Kind.RATE_LIMITED, 429, name + ": rate limited", IdxStates.messages(r.failure()), null,
                r.failure(), RateLimitReset.secondsUntil(r.exchange().rateLimitReset(), clock));
    }

    /**
     * A new transaction that offers nothing: Okta opened it, then found no access policy rule that lets this
     * app use the Interaction Code grant (idx.error.code.no_matching_policy, okta-idx-java issue #201).
     */
    static IdxException noFirstStep(byte[] body) {
        List<IdxMessage> messages = IdxStates.messages(body);
        String said = messages.stream().map(m -> m.i18nKey() != null ? m.i18nKey() : m.text())
                .collect(java.util.stream.Collectors.joining("; "));
        String fix = messages.stream().anyMatch(m -> "idx.error.code.no_matching_policy".equals(m.i18nKey()))
                ? "no access policy rule lets this app use the Interaction Code grant: tick Interaction Code in a rule of the "
                        + "authorization server's access policy for this app (Security > API > Authorization Servers)"
                : "Okta opened the transaction but offers no step: check the app's sign-in policy and the authorization "
                        + "server's access policy";
        return new IdxException(Kind.UNAVAILABLE, 200, fix + " (introspect: " + (said.isEmpty() ? "no remediation" : said) + ")",
                messages, null, null);
    }

    static IdxException unusable(String name, ProcessingException e) {
        String cause = e.getCause() != null ? String.valueOf(e.getCause()) : "HTTP " + e.getHttpStatus();
        return new IdxException(Kind.UNAVAILABLE, e.getHttpStatus(), name + ": " + cause, IdxStates.messages(e), null, e);
    }

    static IdxException notOffered(IdxTransaction tx, String name) {
        return new IdxException(Kind.REJECTED, 0, name + " is not offered at this step " + tx.step().remediationNames(),
                List.of(), tx.step(), null);
    }

    static IdxRemediation required(IdxTransaction tx, String name) throws IdxException {
        IdxRemediation r = tx.step().remediation(name).orElse(null);
        if (r == null) {
            throw notOffered(tx, name);
        }
        return r;
    }
}
