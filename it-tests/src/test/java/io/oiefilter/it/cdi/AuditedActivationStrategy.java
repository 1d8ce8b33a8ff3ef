package io.oiefilter.it.cdi;

import io.oiefilter.activation.ActivationOutcome;
import io.oiefilter.activation.ActivationRequest;
import io.oiefilter.activation.ActivationStrategy;
import io.oiefilter.activation.ManagementApiActivationStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An activation strategy that is a CDI bean: it audits through an injected bean, then does what the
 * built-in Management API strategy does, with the filter's Management port from the request.
 */
@ApplicationScoped
public class AuditedActivationStrategy implements ActivationStrategy {
    @Inject
    ActivationAudit audit;

    @Override
    public ActivationOutcome onIdentifyFailed(ActivationRequest request) {
        audit.record(request.login()); // a NullPointerException here would mean CDI did not make this object
        return new ManagementApiActivationStrategy(request.management()).onIdentifyFailed(request);
    }
}
