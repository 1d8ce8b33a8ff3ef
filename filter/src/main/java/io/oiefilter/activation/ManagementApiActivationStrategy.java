package io.oiefilter.activation;

import io.oiefilter.log.OieLog;
import io.oiefilter.mgmt.ManagedUser;
import io.oiefilter.mgmt.ManagementException;
import io.oiefilter.mgmt.ManagementPort;

import java.util.Optional;

/**
 * The default: ask the Management API why identify failed. PROVISIONED: reactivate without email;
 * STAGED: activate without email. The token comes back to the filter, which continues in IDX and
 * has Okta email a code, so knowing a login is never enough. Any other status: not applicable.
 */
public class ManagementApiActivationStrategy implements ActivationStrategy {
    private static final OieLog LOG = OieLog.of(ManagementApiActivationStrategy.class);

    private final ManagementPort management;
    private final boolean sendEmail;

    public ManagementApiActivationStrategy(ManagementPort management) {
        this(management, false);
    }

    protected ManagementApiActivationStrategy(ManagementPort management, boolean sendEmail) {
        this.management = management;
        this.sendEmail = sendEmail;
    }

    @Override
    public ActivationOutcome onIdentifyFailed(ActivationRequest request) {
        try {
            Optional<ManagedUser> user = management.findByLogin(request.login());
            if (user.isEmpty()) {
                return ActivationOutcome.notApplicable("no user has this login");
            }
            Optional<String> token = switch (user.get().status()) {
                case PROVISIONED -> management.reactivate(user.get().id(), sendEmail);
                case STAGED -> management.activate(user.get().id(), sendEmail);
                default -> null;
            };
            if (token == null) {
                return ActivationOutcome.notApplicable("status " + user.get().status() + ": not awaiting activation");
            }
            if (sendEmail) {
                return ActivationOutcome.emailSent();
            }
            String email = user.get().email();
            String id = user.get().id();
            return token.map(t -> ActivationOutcome.activationToken(t, email, id))
                    .orElseGet(() -> ActivationOutcome.notApplicable("the Management API gave no activation token"));
        } catch (ManagementException e) {
            LOG.warn("oie-filter: activation look-up failed: {0}", e.getMessage());
            return ActivationOutcome.notApplicable("the Management API look-up failed");
        }
    }
}
