package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.WebAuthnCredential;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What WebAuthn's pages carry, as recorded (widget authenticator-enroll-webauthn.json and
 * authenticator-verification-webauthn.json). Enrolling: enroll-authenticator's credentials clientData, attestation,
 * transports, clientExtensions (hidden, hint webauthn) and currentAuthenticator.contextualData.activationData (rp
 * name only, as recorded: the browser then takes the page's host as rp id; user with the user's id as user handle;
 * ES256 and RS256; the challenge; attestation "direct"; userVerification discouraged; the user's credentials as
 * excludeCredentials). Verifying: challenge-authenticator's credentials clientData, authenticatorData,
 * signatureData, and contextualData.challengeData (challenge, userVerification); the credentials a browser may
 * use come from the webauthn enrollments' credentialId in authenticatorEnrollments, as the widget reads them.
 */
final class WebAuthnForms {
    private final ObjectMapper json;

    WebAuthnForms(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode enrollCredentials() {
        return credentials(new String[][] {{"clientData", "Client Data"}, {"attestation", "Attestation"},
                {"transports", "Transports"}, {"clientExtensions", "clientExtensions"}}, true);
    }

    ObjectNode challengeCredentials() {
        ObjectNode c = credentials(new String[][] {{"clientData", "Client Data"}, {"authenticatorData", "Authenticator Data"},
                {"signatureData", "Signature Data"}}, false);
        c.put("required", true);
        return c;
    }

    /** currentAuthenticator.value.contextualData while enrolling. */
    ObjectNode enrollContextualData(Interaction i, String orgName) {
        ObjectNode a = json.createObjectNode();
        a.set("rp", json.createObjectNode().put("name", orgName));
        OrgUser u = i.user;
        a.set("user", json.createObjectNode().put("displayName", u.displayName()).put("name", u.login())
                .put("id", Base64.getUrlEncoder().withoutPadding().encodeToString(u.id().getBytes(StandardCharsets.US_ASCII))));
        ArrayNode params = a.putArray("pubKeyCredParams");
        params.add(json.createObjectNode().put("type", "public-key").put("alg", -7));
        params.add(json.createObjectNode().put("type", "public-key").put("alg", -257));
        a.put("challenge", i.webAuthnChallenge).put("attestation", "direct");
        a.set("authenticatorSelection", json.createObjectNode().put("userVerification", "discouraged"));
        if (!u.webAuthnCredentials().isEmpty()) {
            ArrayNode exclude = a.putArray("excludeCredentials");
            u.webAuthnCredentials().forEach(c -> exclude.add(json.createObjectNode().put("type", "public-key").put("id", c.credentialId())));
        }
        ObjectNode data = json.createObjectNode();
        data.set("activationData", a);
        return data;
    }

    /** currentAuthenticator.value.contextualData while verifying. */
    ObjectNode challengeContextualData(Interaction i) {
        ObjectNode data = json.createObjectNode();
        data.set("challengeData", json.createObjectNode().put("challenge", i.webAuthnChallenge).put("userVerification", "preferred"));
        return data;
    }

    /** The user's webauthn enrollments as authenticatorEnrollments lists them: one per credential, with credentialId. */
    void addEnrollments(ObjectNode enrollment, OrgUser user, java.util.List<ObjectNode> out) {
        for (WebAuthnCredential c : user.webAuthnCredentials()) {
            ObjectNode e = enrollment.deepCopy();
            e.put("credentialId", c.credentialId());
            out.add(e);
        }
    }

    private ObjectNode credentials(String[][] fields, boolean hinted) {
        ArrayNode values = json.createArrayNode();
        for (String[] f : fields) {
            ObjectNode field = json.createObjectNode().put("name", f[0]).put("label", f[1]);
            if (hinted) {
                field.put("visible", false).put("required", true).put("hint", "webauthn");
            } else {
                field.put("required", true).put("visible", false);
            }
            values.add(field);
        }
        ObjectNode c = json.createObjectNode().put("name", "credentials");
        if (!hinted) {
            c.put("type", "object");
        }
        c.set("form", json.createObjectNode().set("value", values));
        return c;
    }
}
