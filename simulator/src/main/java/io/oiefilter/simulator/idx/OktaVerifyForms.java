package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;

import java.util.List;

/**
 * What Okta Verify's states show, in the recorded shapes. Enrolling (authenticator-enroll-ov-qr.json, -email, -sms,
 * -via-email, -via-sms): enroll-poll with refresh 4000 (or enrollment-channel-data while an email address or phone
 * number is asked), select-enrollment-channel, and contextualData with the QR code and selectedChannel. Verifying
 * (authenticator-verification-okta-verify-push.json, -push-autoChallenge-on, -totp, -reject-push): challenge-poll
 * with refresh 4000 and a resend form on the authenticator, or challenge-authenticator with a totp field, or after a
 * rejection a resend remediation; then select-authenticator-authenticate with Okta Verify's methods. The number
 * challenge's contextualData.correctAnswer is not among the recordings: it is where the widget reads it.
 */
final class OktaVerifyForms {
    static final int REFRESH_MILLIS = 4000;

    private final ObjectMapper json;
    private final IonForms ion;
    private final Org org;
    private final String orgBase;

    OktaVerifyForms(ObjectMapper json, IonForms ion, Org org, String orgBase) {
        this.json = json;
        this.ion = ion;
        this.org = org;
        this.orgBase = orgBase;
    }

    /** The enrollment's first remediations (select-authenticator-enroll and skip follow, as for the others). */
    List<ObjectNode> enrollRemediations(Interaction i) {
        boolean asking = !"qrcode".equals(i.ovChannel) && i.ovLinkSentTo == null;
        ObjectNode first = asking ? channelData(i) : polling("enroll-poll", "/idp/idx/challenge/poll", null, i);
        return List.of(first, selectChannel(i));
    }

    /** contextualData first, as recorded: the QR code of the link, or where the link went, and the channel. */
    ObjectNode enrollAuthenticator(Interaction i, ObjectNode authenticator) {
        ObjectNode data = json.createObjectNode();
        String token = i.user.oktaVerify().pendingEnrollmentToken();
        if ("qrcode".equals(i.ovChannel) && token != null) {
            data.set("qrcode", json.createObjectNode().put("href", QrCodes.pngDataUri(OktaVerifySteps.link(orgBase, token)))
                    .put("method", "embedded").put("type", "image/png"));
        }
        data.put("selectedChannel", i.ovChannel);
        if (i.ovLinkSentTo != null) {
            data.put("email".equals(i.ovChannel) ? "email" : "phoneNumber", i.ovLinkSentTo);
        }
        ObjectNode out = json.createObjectNode();
        out.set("contextualData", data);
        if (i.ovLinkSentTo != null) { // recorded (authenticator-enroll-ov-email.json): resend the link
            boolean email = "email".equals(i.ovChannel);
            out.set("resend", ion.form("resend", "/idp/idx/challenge/resend", null, i, json.createObjectNode().put("name", email ? "email" : "phone")
                    .put("required", true).put("value", i.ovLinkSentTo).put("visible", false).put("mutable", false)));
        }
        out.setAll(authenticator);
        return out;
    }

    /** The challenge's remediations: waiting for the push, the push rejected, or the code asked. */
    List<ObjectNode> challengeRemediations(Interaction i, Problem problem) {
        ObjectNode first;
        if ("totp".equals(i.ovMethod)) {
            ObjectNode totp = json.createObjectNode().put("name", "totp").put("label", "Enter code from Okta Verify app")
                    .put("visible", true).put("required", true);
            if (problem != null && problem.fieldLevel() && "totp".equals(problem.field())) {
                totp.set("messages", ion.fieldMessages(problem));
            }
            ObjectNode credentials = json.createObjectNode().put("name", "credentials").put("type", "object");
            credentials.set("form", json.createObjectNode().set("value", json.createArrayNode().add(totp)));
            credentials.put("required", true);
            first = ion.form("challenge-authenticator", "/idp/idx/challenge/answer", "$.currentAuthenticator", i, credentials);
        } else if (OktaVerifySteps.rejected(i)) {
            first = ion.form("resend", "/idp/idx/challenge", "$.currentAuthenticator", i, pushChoice(true));
        } else {
            first = polling("challenge-poll", "/idp/idx/challenge/poll", "$.currentAuthenticator", i);
        }
        return List.of(first, ion.select("select-authenticator-authenticate", "/idp/idx/challenge", "$.authenticators.value[", i,
                List.of(AuthenticatorKind.OKTA_VERIFY)));
    }

    /** The authenticator being verified: resend first while a push waits, the method chosen, the number to choose. */
    ObjectNode challengeAuthenticator(Interaction i, ObjectNode authenticator) {
        ObjectNode out = json.createObjectNode();
        boolean waiting = "push".equals(i.ovMethod) && !OktaVerifySteps.rejected(i);
        if (waiting) {
            out.set("resend", ion.form("resend", "/idp/idx/challenge", null, i, pushChoice(false)));
        }
        out.setAll(authenticator);
        out.set("methods", json.createArrayNode().add(json.createObjectNode().put("type", i.ovMethod)));
        Integer number = i.user.oktaVerify().correctAnswer();
        if (waiting && number != null) {
            out.set("contextualData", json.createObjectNode().put("correctAnswer", number));
        }
        return out;
    }

    /** Okta Verify's push chosen again: as a form (the rejected state's resend) or as a fixed value (the authenticator's). */
    private ObjectNode pushChoice(boolean asForm) {
        ObjectNode field = json.createObjectNode().put("name", "authenticator");
        String id = org.authenticatorId(AuthenticatorKind.OKTA_VERIFY);
        if (asForm) {
            ArrayNode values = json.createArrayNode();
            values.add(json.createObjectNode().put("name", "id").put("value", id).put("required", true).put("mutable", false));
            values.add(json.createObjectNode().put("name", "methodType").put("value", "push").put("label", "PUSH").put("required", true)
                    .put("mutable", false));
            field.put("type", "object").put("label", "Okta Verify");
            field.set("value", json.createObjectNode().set("form", json.createObjectNode().set("value", values)));
            return field;
        }
        field.put("required", true);
        field.set("value", json.createObjectNode().put("methodType", "push").put("id", id));
        return field.put("visible", false).put("mutable", false);
    }

    private ObjectNode selectChannel(Interaction i) {
        ArrayNode options = json.createArrayNode();
        options.add(json.createObjectNode().put("value", "qrcode").put("label", "QRCODE"));
        options.add(json.createObjectNode().put("value", "sms").put("label", "SMS"));
        options.add(json.createObjectNode().put("value", "email").put("label", "Email"));
        ArrayNode values = json.createArrayNode();
        values.add(json.createObjectNode().put("name", "id").put("value", org.authenticatorId(AuthenticatorKind.OKTA_VERIFY))
                .put("required", true).put("mutable", false).put("visible", false));
        values.add(json.createObjectNode().put("name", "channel").put("required", true).put("visible", true).set("options", options));
        ObjectNode authenticator = json.createObjectNode().put("name", "authenticator").put("type", "object").put("label", "Okta Verify");
        authenticator.set("value", json.createObjectNode().set("form", json.createObjectNode().set("value", values)));
        return ion.form("select-enrollment-channel", "/idp/idx/credential/enroll", null, i, authenticator);
    }

    private ObjectNode channelData(Interaction i) {
        boolean email = "email".equals(i.ovChannel);
        ObjectNode field = json.createObjectNode().put("label", email ? "Email" : "Phone number").put("name", email ? "email" : "phoneNumber")
                .put("required", true).put("visible", true);
        return ion.form("enrollment-channel-data", "/idp/idx/challenge/send", null, i, field);
    }

    /** A poll form with Okta's refresh interval after "produces", as recorded. */
    private ObjectNode polling(String name, String path, String relatesTo, Interaction i) {
        ObjectNode form = ion.form(name, path, relatesTo, i);
        ObjectNode ordered = json.createObjectNode();
        form.fields().forEachRemaining(e -> {
            ordered.set(e.getKey(), e.getValue());
            if (e.getKey().equals("produces")) {
                ordered.put("refresh", REFRESH_MILLIS);
            }
        });
        return ordered;
    }
}
