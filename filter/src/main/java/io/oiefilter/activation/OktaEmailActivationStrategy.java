package io.oiefilter.activation;

import io.oiefilter.mgmt.ManagementPort;

/**
 * {@code okta-email}: PROVISIONED users are reactivated and STAGED ones activated with
 * {@code sendEmail=true}; Okta emails its activation link. An org whose email template links to the
 * app's {@code /oie/activate?token=…} continues the activation on the app's own pages.
 */
public class OktaEmailActivationStrategy extends ManagementApiActivationStrategy {

    public OktaEmailActivationStrategy(ManagementPort management) {
        super(management, true);
    }

    @Override
    public Delivery delivery() {
        return Delivery.LINK;
    }
}
