package io.oiefilter.simulator.org;

import java.time.Instant;
import java.util.Arrays;

/**
 * One verified WebAuthn credential of a user: its id (base64url, as Okta lists it in credentialId), the
 * attested credential data the authenticator returned at registration (AAGUID, id and COSE public key, as bytes
 * the verifier reads back), and the last sign count seen. No private material: the key pair stays in the authenticator.
 */
public record WebAuthnCredential(String credentialId, byte[] attestedCredentialData, long signCount, Instant enrolledAt) {
    public WebAuthnCredential {
        attestedCredentialData = attestedCredentialData.clone();
    }

    @Override
    public byte[] attestedCredentialData() {
        return attestedCredentialData.clone();
    }

    WebAuthnCredential withSignCount(long count) {
        return new WebAuthnCredential(credentialId, attestedCredentialData, count, enrolledAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebAuthnCredential c && c.credentialId.equals(credentialId) && c.signCount == signCount
                && Arrays.equals(c.attestedCredentialData, attestedCredentialData) && c.enrolledAt.equals(enrolledAt);
    }

    @Override
    public int hashCode() {
        return credentialId.hashCode();
    }
}
