package io.oiefilter.audit;

import io.oiefilter.activation.ActivationEvent;
import io.oiefilter.activation.ActivationListener;

/**
 * The activation's own events on the audit trail: started, completed, refused (with the activation's reason) and
 * throttled. A strategy that declines, and the token it gave, are the activation's business, not the operator's: the
 * failed identify before them is already a failed sign-in.
 */
public final class ActivationAudit implements ActivationListener {
    private final AuditTrail trail;

    public ActivationAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void onActivationEvent(ActivationEvent event) {
        AuditEvent.Type type = switch (event.type()) {
            case STARTED -> AuditEvent.Type.ACTIVATION_STARTED;
            case COMPLETED -> AuditEvent.Type.ACTIVATION_COMPLETED;
            case REFUSED -> AuditEvent.Type.ACTIVATION_REFUSED;
            case THROTTLED -> AuditEvent.Type.THROTTLED;
            case NOT_APPLICABLE, TOKEN_ISSUED -> null;
        };
        if (type != null) {
            trail.record(type, event.login(), event.clientAddress(), type == AuditEvent.Type.THROTTLED ? "activation" : shortReason(event));
        }
    }

    /** The activation's reason as a key: its first words, never a token (the activation's details carry none). */
    private static String shortReason(ActivationEvent event) {
        if (event.type() != ActivationEvent.Type.REFUSED || event.detail() == null) {
            return null;
        }
        String d = event.detail();
        return d.length() > 80 ? d.substring(0, 80) : d;
    }
}
