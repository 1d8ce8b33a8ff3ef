package io.oiefilter.audit;

import io.oiefilter.flow.FlowResult;
import io.oiefilter.flow.SignInState;
import io.oiefilter.flow.SignInView;

import java.util.List;
import java.util.Set;

/**
 * What a step of a sign-in meant for the audit trail, read from the state before it and the result it had: a
 * sign-in, a sign-up or a recovery completed; an answer refused (with the page's reason); a throttle; an unlocked
 * account. An identify that went to the activation page is a failed sign-in here, whatever the account is: the
 * operator learns no more than the person did. Activation events come from the activation's own listener.
 */
public final class FlowAudit {
    /** A step's messages that say the person was held back. */
    static final Set<String> THROTTLES = Set.of("oie.error.rateLimited", "oie.error.tooManyCodes", "oie.error.signUpThrottled",
            "oie.error.resendTooSoon");
    /** A step's messages that say an answer was refused: a password, a code, an answer, a key, a sign-up. */
    static final Set<String> REFUSALS = Set.of("oie.error.signInFailed", "oie.error.passwordIncorrect", "oie.error.codeInvalid",
            "oie.error.answerIncorrect", "oie.error.answerRejected", "oie.error.webAuthnRejected", "oie.error.stepRefused",
            "oie.error.passwordRejected", "oie.error.signUpRejected", "oie.error.signUpDomain", "oie.error.verifyAddressRefused",
            "oie.error.phoneRefused");

    private final AuditTrail trail;

    public FlowAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** @param before the sign-in as it was when the step was asked for */
    public void step(SignInState before, FlowResult result, String clientAddress) {
        if (result instanceof FlowResult.SignedIn signedIn) {
            String who = signedIn.authentication().user().getName();
            switch (before.purpose()) {
                case SIGN_UP -> trail.record(AuditEvent.Type.SIGNED_UP, who, clientAddress, null);
                case RECOVERY -> trail.record(AuditEvent.Type.PASSWORD_RECOVERED, who, clientAddress, null);
                default -> {
                }
            }
            trail.record(AuditEvent.Type.SIGN_IN_SUCCEEDED, who, clientAddress, null);
        } else if (result instanceof FlowResult.Failed failed) {
            trail.record(THROTTLES.contains(failed.messageKey()) ? AuditEvent.Type.THROTTLED : AuditEvent.Type.SIGN_IN_FAILED,
                    before.identifier(), clientAddress, failed.messageKey());
        } else if (result instanceof FlowResult.Page page) {
            page(before, page, clientAddress);
        }
    }

    private void page(SignInState before, FlowResult.Page page, String clientAddress) {
        String who = page.state().identifier() != null ? page.state().identifier() : before.identifier();
        List<String> keys = page.messageKeys();
        String throttle = keys.stream().filter(THROTTLES::contains).findFirst().orElse(null);
        String refusal = keys.stream().filter(REFUSALS::contains).findFirst().orElse(null);
        if (throttle != null) {
            trail.record(AuditEvent.Type.THROTTLED, who, clientAddress, throttle);
        } else if (refusal != null) {
            trail.record(AuditEvent.Type.SIGN_IN_FAILED, who, clientAddress, refusal);
        } else if (!page.fieldMessages().isEmpty()) {
            trail.record(AuditEvent.Type.SIGN_IN_FAILED, who, clientAddress, "okta.refused"); // Okta's words on a field
        } else if (before.activation() != SignInState.ActivationStage.UNIFORM
                && page.state().activation() == SignInState.ActivationStage.UNIFORM) {
            trail.record(AuditEvent.Type.SIGN_IN_FAILED, who, clientAddress, "identify.refused");
        } else if (page.view() == SignInView.TERMINAL && before.purpose() == SignInState.Purpose.UNLOCK) {
            trail.record(AuditEvent.Type.ACCOUNT_UNLOCKED, who, clientAddress, null);
        } else if (page.view() == SignInView.TERMINAL && before.purpose() == SignInState.Purpose.RECOVERY) {
            trail.record(AuditEvent.Type.PASSWORD_RECOVERED, who, clientAddress, null);
        }
    }

    /** A person signed out. */
    public void signedOut(String subject, String clientAddress) {
        trail.record(AuditEvent.Type.SIGNED_OUT, subject, clientAddress, null);
    }
}
