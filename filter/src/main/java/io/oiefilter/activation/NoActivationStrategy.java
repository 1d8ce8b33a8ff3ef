package io.oiefilter.activation;

/** {@code none}: keep Okta's behaviour, a failed identify is just a failed sign-in. */
public final class NoActivationStrategy implements ActivationStrategy {
    @Override
    public ActivationOutcome onIdentifyFailed(ActivationRequest request) {
        return ActivationOutcome.notApplicable();
    }
}
