package io.oiefilter.flow;

import io.oiefilter.session.OieAuthentication;

import java.util.List;
import java.util.Map;

/** What a flow step leads to: a page to show, a signed-in user, or a failure page. */
public sealed interface FlowResult {

    /**
     * Show {@code view} for the sign-in in progress.
     *
     * @param messageKeys   resource-bundle keys of the messages to show (filter text)
     * @param fieldMessages Okta's own messages about fields, by field name: why a sign-up value, a new password, a
     *                      security question or a phone number was refused (an org's rules are known only to it)
     */
    record Page(SignInState state, SignInView view, List<String> messageKeys, Map<String, List<OktaText>> fieldMessages)
            implements FlowResult {
        public Page {
            messageKeys = List.copyOf(messageKeys);
            fieldMessages = Map.copyOf(fieldMessages);
        }

        public Page(SignInState state, SignInView view, List<String> messageKeys) {
            this(state, view, messageKeys, Map.of());
        }
    }

    record SignedIn(OieAuthentication authentication) implements FlowResult {
    }

    /**
     * The sign-in cannot go on: an error page.
     *
     * @param messageKey        the resource-bundle key of what the user reads
     * @param retryAfterSeconds for rate limits and a busy server, when to try again (0 otherwise)
     * @param status            the HTTP status: 429 rate limited, 503 Okta unavailable or this server busy, 4xx what the person sent
     * @param keepsSignIn       the sign-in stays where it stood, so that "Try again" goes on from there
     */
    record Failed(String messageKey, int retryAfterSeconds, int status, boolean keepsSignIn) implements FlowResult {
        public Failed(String messageKey, int retryAfterSeconds, int status) {
            this(messageKey, retryAfterSeconds, status, false);
        }

        /** Okta could not complete the step: 429 with a wait, else 503. */
        public Failed(String messageKey, int retryAfterSeconds) {
            this(messageKey, retryAfterSeconds, retryAfterSeconds > 0 ? 429 : 503);
        }

        /** What the person sent cannot be used (a spent activation link, say): a 4xx, not an outage. */
        public static Failed clientError(String messageKey, int status) {
            return new Failed(messageKey, 0, status);
        }

        /** This server had no slot free to call Okta: 503 with a short wait, and the sign-in kept for "Try again". */
        public static Failed busy(int retryAfterSeconds) {
            return new Failed("oie.error.busy", retryAfterSeconds, 503, true);
        }
    }
}
