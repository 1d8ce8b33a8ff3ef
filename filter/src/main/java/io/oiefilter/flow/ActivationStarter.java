package io.oiefilter.flow;

import io.oiefilter.activation.Activation;
import io.oiefilter.activation.ActivationEvent;
import io.oiefilter.activation.ActivationOutcome;
import io.oiefilter.activation.ActivationRequest;
import io.oiefilter.activation.CodeDeliveryException;
import io.oiefilter.activation.CodeSender;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxOption;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.mgmt.ManagedUser;
import io.oiefilter.mgmt.ManagementException;
import io.oiefilter.mgmt.ManagementPort;

import java.util.Optional;

/**
 * The work after a failed identify, off the request thread: the strategy (behind the throttles),
 * then IDX with the activation token, and a code on its way to the account's email address. The
 * address must be proven, so knowing a login is never enough; in order of preference:
 * <ol>
 *   <li>Okta's IDX enrolls the email authenticator and emails a code;</li>
 *   <li>the email is enrolled already (an earlier activation was abandoned after its email step):
 *       Okta emails a code for that factor through the Management API;</li>
 *   <li>the filter emails a code itself ({@link CodeSender}, {@code oie.activation.smtp.*});</li>
 *   <li>none of these: refused, and the log says what the operator can change.</li>
 * </ol>
 */
final class ActivationStarter {
    private final IdxPort idx;
    private final Activation activation;
    private final CodeSender codeSender;

    ActivationStarter(IdxPort idx, Activation activation, CodeSender codeSender) {
        this.idx = idx;
        this.activation = activation;
        this.codeSender = codeSender;
    }

    ActivationStart start(ActivationRequest request) {
        ActivationOutcome outcome = activation.afterIdentifyFailed(request);
        if (outcome.kind() != ActivationOutcome.Kind.ACTIVATION_TOKEN) {
            return ActivationStart.NONE; // not applicable, throttled, or Okta's own email with a link
        }
        IdxTransaction tx;
        try {
            tx = idx.beginActivation(outcome.activationToken());
        } catch (IdxException e) {
            activation.event(ActivationEvent.Type.REFUSED, request, "IDX did not take the activation token: " + e.kind());
            return ActivationStart.NONE;
        }
        Optional<IdxOption> email = tx.step().remediation("select-authenticator-enroll").stream()
                .flatMap(r -> r.options().stream()).filter(o -> "email".equals(o.type())).findFirst();
        if (email.isPresent()) {
            try {
                IdxStep code = idx.select(tx, email.get().authenticatorId());
                activation.event(ActivationEvent.Type.STARTED, request, "email code sent by Okta");
                return new ActivationStart(tx.withStep(code), null);
            } catch (IdxException e) {
                activation.event(ActivationEvent.Type.REFUSED, request, "email enrollment failed: " + e.kind());
                return ActivationStart.NONE;
            }
        }
        boolean enrolled = tx.step().enrolledTypes().contains("email");
        if (enrolled) {
            Optional<ActivationStart> challenged = challengeEnrolledEmail(tx, request, outcome);
            if (challenged.isPresent()) {
                return challenged.get();
            }
        }
        if (codeSender != null && outcome.email() != null) {
            return sendOwnCode(tx, request, outcome.email());
        }
        // Without a proven address, knowing a login would be enough to take over the account.
        activation.event(ActivationEvent.Type.REFUSED, request, enrolled
                ? "the email authenticator is enrolled already (an earlier activation stopped after it) and neither the "
                  + "Management API nor oie.activation.smtp.* can send a code; configure one of them"
                : "the enrollment policy offers no email authenticator (offered: " + tx.step().remediationNames()
                  + "); allow email enrollment for these users, or configure oie.activation.smtp.* so that the filter "
                  + "emails a code itself");
        return ActivationStart.NONE;
    }

    /** The email is enrolled: Okta emails a code for that factor (Management API, Factors API). */
    private Optional<ActivationStart> challengeEnrolledEmail(IdxTransaction tx, ActivationRequest request, ActivationOutcome outcome) {
        ManagementPort management = activation.management();
        if (management == null) {
            return Optional.empty();
        }
        try {
            String userId = outcome.userId() != null ? outcome.userId()
                    : management.findByLogin(request.login()).map(ManagedUser::id).orElse(null);
            Optional<String> factor = userId == null ? Optional.empty() : management.emailFactorId(userId);
            if (factor.isEmpty()) {
                return Optional.empty();
            }
            management.challengeEmailFactor(userId, factor.get());
            activation.event(ActivationEvent.Type.STARTED, request, "email code sent by Okta for the enrolled email factor");
            return Optional.of(new ActivationStart(tx, new FactorChallenge(userId, factor.get())));
        } catch (ManagementException e) {
            activation.event(ActivationEvent.Type.REFUSED, request, "the enrolled email could not be challenged: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The org sends no code: the filter emails one itself before activation goes on in IDX. */
    private ActivationStart sendOwnCode(IdxTransaction tx, ActivationRequest request, String email) {
        LocalCode.Issued issued = LocalCode.issue(email);
        try {
            codeSender.send(email, issued.code(), request.locale());
        } catch (CodeDeliveryException e) {
            activation.event(ActivationEvent.Type.REFUSED, request, "the activation code could not be sent: " + e.getMessage());
            return ActivationStart.NONE;
        }
        activation.event(ActivationEvent.Type.STARTED, request, "activation code sent by the filter");
        return new ActivationStart(tx, issued.record());
    }
}
