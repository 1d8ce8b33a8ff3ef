package io.oiefilter.simulator.org;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.attestation.statement.PackedAttestationStatement;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;

/**
 * A software WebAuthn authenticator for tests that act as the person's device (as Chromium's virtual authenticator
 * does in a browser): one ES256 credential, made with JDK crypto and encoded with webauthn4j. It answers Okta's
 * activationData and challengeData with what the browser would post: base64url clientDataJSON, attestationObject
 * ("none", or "packed" self attestation), authenticatorData and signature.
 */
public final class WebAuthnDevice {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private final String origin;
    private final String rpId;
    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private long signCount;

    public record Attestation(String clientData, String attestation) { }
    public record Assertion(String clientData, String authenticatorData, String signatureData) { }

    public WebAuthnDevice(String origin, String rpId) {
        this.origin = origin;
        this.rpId = rpId;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            keys = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    public String credentialId() {
        return B64.encodeToString(credentialId);
    }

    /** navigator.credentials.create for this challenge: attestation "none" or "packed" (self, signed by the credential). */
    public Attestation create(String challenge, boolean packed) {
        byte[] clientData = clientData("webauthn.create", challenge);
        AttestedCredentialData attested = new AttestedCredentialData(new AAGUID(new UUID(0, 0)), credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_AT);
        AuthenticatorData<?> data = new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, signCount, attested);
        byte[] authData = new AuthenticatorDataConverter(CONVERTER).convert(data);
        AttestationStatement statement = packed
                ? new PackedAttestationStatement(COSEAlgorithmIdentifier.ES256, sign(concat(authData, sha256(clientData))), null)
                : new NoneAttestationStatement();
        @SuppressWarnings({"unchecked", "rawtypes"})
        AttestationObject object = new AttestationObject((AuthenticatorData) data, statement);
        return new Attestation(B64.encodeToString(clientData), new AttestationObjectConverter(CONVERTER).convertToBase64urlString(object));
    }

    /** navigator.credentials.get for this challenge: user present, sign count one more than before. */
    public Assertion get(String challenge) {
        byte[] clientData = clientData("webauthn.get", challenge);
        signCount++;
        byte[] authData = new AuthenticatorDataConverter(CONVERTER).convert(
                new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), AuthenticatorData.BIT_UP, signCount));
        return new Assertion(B64.encodeToString(clientData), B64.encodeToString(authData), B64.encodeToString(sign(concat(authData, sha256(clientData)))));
    }

    private byte[] clientData(String type, String challenge) {
        String json = "{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(keys.getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
