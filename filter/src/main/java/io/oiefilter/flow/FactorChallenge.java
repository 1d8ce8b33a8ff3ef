package io.oiefilter.flow;

/**
 * Okta emailed a code for the user's enrolled email factor (Management API, Factors API): an
 * activation abandoned after the email step has no email enrollment left to offer in IDX.
 */
public record FactorChallenge(String userId, String factorId) implements EmailProof {
    @Override
    public String toString() {
        return "FactorChallenge{…}";
    }
}
