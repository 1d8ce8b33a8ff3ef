package io.oiefilter.flow;

import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxVerify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Okta Verify's steps: a poll (enrollment or push), another enrollment channel, the link sent by email or SMS, the push
 * sent again, the code instead of the push, the code. A poll asks Okta no sooner than Okta's refresh interval after it
 * last answered (the state's {@code codeSentAt}, set by {@link StepNavigator} on every Okta Verify step): an earlier
 * one shows the same page without calling Okta, so a page left open, reloaded or scripted cannot hammer Okta; and of
 * parallel polls only one per interval reaches Okta ({@link FlowThrottles#claimPoll}: the session shows each the same
 * time). Another push goes at most once per resend cooldown, however many ask at once (push fatigue).
 */
final class OktaVerifySteps {
    private static final List<String> CHANNELS = List.of("qrcode", "email", "sms");

    private final IdxPort idx;
    private final StepNavigator navigator;
    private final FlowThrottles throttles;
    private final Clock clock;

    OktaVerifySteps(IdxPort idx, StepNavigator navigator, FlowThrottles throttles, Clock clock) {
        this.idx = idx;
        this.navigator = navigator;
        this.throttles = throttles;
        this.clock = clock;
    }

    /**
     * Chooses an authenticator in a select step. Okta Verify is chosen with a method, as Okta's form asks: {@code method}
     * ("push" or "totp", the push when null) or, setting it up, the QR code; Okta FastPass (signed_nonce) is not offered.
     */
    static IdxStep choose(IdxPort idx, io.oiefilter.idx.IdxTransaction tx, String authenticatorId, String method)
            throws io.oiefilter.idx.IdxException {
        java.util.Optional<io.oiefilter.idx.IdxRemediation> select = StepNavigator.selectRemediation(tx.step());
        boolean verify = select.isPresent() && select.get().options().stream()
                .anyMatch(o -> o.authenticatorId().equals(authenticatorId) && "okta_verify".equals(o.key()));
        if (!verify) {
            return idx.select(tx, authenticatorId);
        }
        boolean enrolling = select.get().name().equals("select-authenticator-enroll");
        return idx.proceed(tx, select.get().name(), Map.of("authenticator", enrolling ? Map.of("id", authenticatorId, "channel", "qrcode")
                : Map.of("id", authenticatorId, "methodType", "totp".equals(method) ? "totp" : "push")));
    }

    /** enroll-poll or challenge-poll, if Okta's interval has passed; else the same page. */
    FlowResult poll(SignInState state) {
        IdxStep step = navigator.stepOf(state);
        String poll = step.remediation("challenge-poll").or(() -> step.remediation("enroll-poll")).map(r -> r.name()).orElse(null);
        IdxVerify verify = verify(state);
        if (poll == null || verify == null) {
            return navigator.page(state, List.of());
        }
        Instant asked = state.codeSentAt();
        if ((asked != null && clock.instant().isBefore(asked.plusMillis(verify.refreshMillis())))
                || !throttles.claimPoll(state.flowId(), Duration.ofMillis(verify.refreshMillis()))) {
            return navigator.page(state, List.of()); // too soon: Okta's answer would be the same
        }
        return navigator.call(state, "oie.error.stepRefused", tx -> idx.proceed(tx, poll, Map.of()));
    }

    /** select-enrollment-channel: the QR code, or a link by email or SMS. */
    FlowResult channel(SignInState state, String channel) {
        IdxVerify verify = verify(state);
        if (verify == null || verify.authenticatorId() == null || !CHANNELS.contains(channel)
                || navigator.stepOf(state).remediation("select-enrollment-channel").isEmpty()) {
            return navigator.page(state, List.of("oie.error.stepRefused"));
        }
        return navigator.call(state, "oie.error.stepRefused", tx -> idx.proceed(tx, "select-enrollment-channel",
                Map.of("authenticator", Map.of("id", verify.authenticatorId(), "channel", channel))));
    }

    /** enrollment-channel-data: where the link goes (an email address or a phone number, as the channel asks). */
    FlowResult sendLink(SignInState state, String to) {
        IdxVerify verify = verify(state);
        if (verify == null || navigator.stepOf(state).remediation("enrollment-channel-data").isEmpty()) {
            return navigator.page(state, List.of("oie.error.stepRefused"));
        }
        String value = to == null ? "" : to.trim();
        if (value.isEmpty() || value.length() > 100) {
            return navigator.page(state, List.of("oie.error.verifyAddressRequired"));
        }
        String field = "sms".equals(verify.channel()) ? "phoneNumber" : "email";
        return navigator.call(state, "oie.error.verifyAddressRefused", tx -> idx.proceed(tx, "enrollment-channel-data", Map.of(field, value)));
    }

    /** Another push (after a rejection, or when the first did not arrive), or the code instead: Okta Verify chosen again. */
    FlowResult method(SignInState state, String method) {
        IdxVerify verify = verify(state);
        IdxStep step = navigator.stepOf(state);
        String remediation = "push".equals(method) && step.remediation("resend").isPresent() ? "resend" : "select-authenticator-authenticate";
        if (verify == null || verify.authenticatorId() == null || step.remediation(remediation).isEmpty()) {
            return navigator.page(state, List.of("oie.error.stepRefused"));
        }
        if (!"totp".equals(method) && !throttles.claimResend(state.flowId())) {
            return navigator.page(state, List.of("oie.error.resendTooSoon"));
        }
        return navigator.call(state, "oie.error.stepRefused", tx -> idx.proceed(tx, remediation,
                Map.of("authenticator", Map.of("id", verify.authenticatorId(), "methodType", "totp".equals(method) ? "totp" : "push"))));
    }

    /** The code from the app (challenge-authenticator, credentials.totp). */
    FlowResult code(SignInState state, char[] code) {
        if (verify(state) == null || navigator.stepOf(state).remediation("challenge-authenticator").isEmpty()) {
            return navigator.page(state, List.of("oie.error.stepRefused"));
        }
        if (code == null || code.length == 0) {
            return navigator.page(state, List.of("oie.error.codeRequired"));
        }
        String value = new String(code).trim(); // IDX's JSON takes the code as a string
        return navigator.call(state, "oie.error.codeInvalid", tx -> idx.proceed(tx, "challenge-authenticator",
                Map.of("credentials", Map.of("totp", value))));
    }

    private IdxVerify verify(SignInState state) {
        if (!state.begun() || navigator.viewOf(state) != SignInView.OKTA_VERIFY) {
            return null;
        }
        IdxStep step = navigator.stepOf(state);
        return step.current() == null ? null : step.current().verify();
    }
}
