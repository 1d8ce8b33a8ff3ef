package io.oiefilter.flow;

import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.session.OieAuthentication;

import java.util.List;

/** What a flow step leads to: a page to show, a signed-in user, or a failure page. */
public sealed interface FlowResult {

    /**
     * Show {@code view} for the transaction.
     *
     * @param messageKeys resource-bundle keys of the messages to show (filter text, never raw Okta text)
     */
    record Page(IdxTransaction transaction, SignInView view, List<String> messageKeys, List<String> remediationNames)
            implements FlowResult {
        public Page {
            messageKeys = List.copyOf(messageKeys);
            remediationNames = List.copyOf(remediationNames);
        }
    }

    record SignedIn(OieAuthentication authentication) implements FlowResult {
    }

    /**
     * Okta could not complete the step.
     *
     * @param messageKey  the resource-bundle key of what the user reads
     * @param retryAfterSeconds for rate limits, when to try again (0 when unknown)
     */
    record Failed(String messageKey, int retryAfterSeconds) implements FlowResult {
    }
}
