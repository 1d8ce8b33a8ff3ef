package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.authenticator.AuthenticatorImpl;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import io.oiefilter.simulator.org.WebAuthnCredential;
import io.oiefilter.simulator.org.WebAuthnRelyingParty;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * WebAuthn answered on challenge/answer, verified by webauthn4j as Okta verifies it. Enrolling, credentials are
 * {clientData, attestation} (base64url clientDataJSON and attestationObject): the attestation is parsed (CBOR),
 * its clientDataJSON must be a webauthn.create for this transaction's challenge from an origin the org allows,
 * the rpIdHash the org's rp id's, user presence set, the algorithm ES256 or RS256 (as activationData offers), and
 * its statement "none" or a verifiable one ("packed" self attestation as Chromium's virtual authenticator makes;
 * no trust anchors are required, as Okta's default attestation policy does not require them either). Verifying,
 * credentials are {clientData, authenticatorData, signatureData}: with no credential id in the answer (the widget
 * sends none), each of the user's credentials is tried, as Okta's recorded error says it does.
 */
final class WebAuthnSteps {
    /**
     * A bad assertion, as recorded (widget error-authenticator-webauthn-failure.json): a message at the top. The
     * recording carries no status; 400, as Okta's other refused answers with a top message.
     */
    static final Problem ASSERTION_INVALID = new Problem(400,
            "None of the WebAuthn authenticators the user has enrolled for was able to validate the assertion",
            "authfactor.webauthn.error.assertion_validation_failure", false);
    /** Not recorded: a refused attestation gets a message at the top in the same form as the assertion's. */
    static final Problem ATTESTATION_INVALID = new Problem(400, "The security key or biometric authenticator could not be verified.",
            "authfactor.webauthn.error.attestation_validation_failure", false);

    /** Bounds what is decoded (a credential's attestation is a few hundred bytes; certificates make it a few KiB). */
    static final int MAX_FIELD_CHARS = 16_384;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private WebAuthnSteps() {
    }

    /** A new challenge: 20 random bytes, base64url without padding (as Okta's are, e.g. "zrTo0mMXyCt90mweh2HL" in length). */
    static String newChallenge() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Null when accepted (enrolled or verified); else why not. */
    static Problem answer(Interaction i, JsonNode credentials, WebAuthnRelyingParty rp, Instant now) {
        if (i.webAuthnChallenge == null) {
            return i.mode == Interaction.Mode.ENROLL ? ATTESTATION_INVALID : ASSERTION_INVALID;
        }
        try {
            byte[] clientData = decode(credentials.path("clientData"));
            String origin = CONVERTER.getJsonConverter().readValue(new String(clientData, StandardCharsets.UTF_8), JsonNode.class)
                    .path("origin").asText("");
            if (!rp.allows(origin)) {
                return i.mode == Interaction.Mode.ENROLL ? ATTESTATION_INVALID : ASSERTION_INVALID;
            }
            ServerProperty server = new ServerProperty(Set.of(new Origin(origin)), rp.rpId(),
                    new DefaultChallenge(Base64.getUrlDecoder().decode(i.webAuthnChallenge)));
            return i.mode == Interaction.Mode.ENROLL ? enroll(i, clientData, credentials, server, now) : verify(i, clientData, credentials, server);
        } catch (RuntimeException e) { // unreadable base64, JSON or CBOR; or a check failed
            return i.mode == Interaction.Mode.ENROLL ? ATTESTATION_INVALID : ASSERTION_INVALID;
        }
    }

    private static Problem enroll(Interaction i, byte[] clientData, JsonNode credentials, ServerProperty server, Instant now) {
        byte[] attestation = decode(credentials.path("attestation"));
        RegistrationData data = MANAGER.verify(new RegistrationRequest(attestation, clientData),
                new RegistrationParameters(server, ALGORITHMS, false, true));
        AttestedCredentialData credential = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(credential.getCredentialId());
        i.user.enrollWebAuthn(new WebAuthnCredential(id, new AttestedCredentialDataConverter(CONVERTER).convert(credential),
                data.getAttestationObject().getAuthenticatorData().getSignCount(), now));
        return null;
    }

    private static Problem verify(Interaction i, byte[] clientData, JsonNode credentials, ServerProperty server) {
        byte[] authenticatorData = decode(credentials.path("authenticatorData"));
        byte[] signature = decode(credentials.path("signatureData"));
        AttestedCredentialDataConverter converter = new AttestedCredentialDataConverter(CONVERTER);
        for (WebAuthnCredential c : i.user.webAuthnCredentials()) {
            AttestedCredentialData attested = converter.convert(c.attestedCredentialData());
            try {
                AuthenticationData data = MANAGER.verify(
                        new AuthenticationRequest(attested.getCredentialId(), authenticatorData, clientData, signature),
                        new AuthenticationParameters(server, new AuthenticatorImpl(attested, new NoneAttestationStatement(), c.signCount()),
                                null, false, true));
                i.user.webAuthnUsed(c.credentialId(), data.getAuthenticatorData().getSignCount());
                return null;
            } catch (RuntimeException notThisOne) {
                // the next credential, if any
            }
        }
        return ASSERTION_INVALID;
    }

    private static byte[] decode(JsonNode field) {
        String s = field.asText("");
        if (s.isEmpty() || s.length() > MAX_FIELD_CHARS) {
            throw new IllegalArgumentException("missing or oversized WebAuthn field");
        }
        return Base64.getUrlDecoder().decode(s.replace('+', '-').replace('/', '_').replace("=", ""));
    }
}
