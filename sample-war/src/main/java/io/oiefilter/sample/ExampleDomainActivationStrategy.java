package io.oiefilter.sample;

import io.oiefilter.activation.ActivationOutcome;
import io.oiefilter.activation.ActivationRequest;
import io.oiefilter.activation.ManagementApiActivationStrategy;
import io.oiefilter.mgmt.ManagementPort;

import java.util.Locale;

/**
 * A custom activation strategy, as an integrator would write one: the built-in Management API
 * strategy, but only for accounts of this company's email domain. Others are left as Okta leaves
 * them (the person still sees the same page: the filter keeps that uniform; the operator reads the
 * reason in the log). Sign-up is open to the same domain ({@code oie.signUp.emailDomains} in
 * web.xml), so every account the sample lets people create can be activated.
 *
 * <p>Named in web.xml as {@code oie.activation.strategy}; the filter passes its Management port to
 * this constructor.
 */
public class ExampleDomainActivationStrategy extends ManagementApiActivationStrategy {
    static final String DOMAIN = "@example.com";

    public ExampleDomainActivationStrategy(ManagementPort management) {
        super(management);
    }

    @Override
    public ActivationOutcome onIdentifyFailed(ActivationRequest request) {
        if (!request.login().toLowerCase(Locale.ROOT).endsWith(DOMAIN)) {
            return ActivationOutcome.notApplicable("not an " + DOMAIN + " account");
        }
        return super.onIdentifyFailed(request);
    }
}
