package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.PhoneNumbers;

/**
 * What the phone's steps carry, as recorded. Enrolling, authenticator-enrollment-data asks for methodType (the org's
 * methods) and phoneNumber (widget authenticator-enroll-data-phone.json, okta-idx-java scenario_4_1_2); the select
 * option offers the same fields, not required. Verifying, authenticator-verification-data asks for methodType
 * (authenticator-verification-data-phone-sms-then-voice.json, -voice-only.json); the enrollment carries the number
 * masked in profile.phoneNumber. Once a code was sent, the authenticator has resend (no poll) and the one method used.
 */
final class PhoneForms {
    private final ObjectMapper json;
    private final IonForms ion;
    private final Org org;

    PhoneForms(ObjectMapper json, IonForms ion, Org org) {
        this.json = json;
        this.ion = ion;
        this.org = org;
    }

    /** Whether the phone step waits for its method (and, enrolling, its number) rather than a code. */
    static boolean awaitingData(Interaction i) {
        return i.current == AuthenticatorKind.PHONE && i.phoneMethod == null;
    }

    /** authenticator-enrollment-data: the method and the number. */
    ObjectNode enrollmentData(Interaction i) {
        ObjectNode number = json.createObjectNode().put("name", "phoneNumber").put("required", true);
        ObjectNode methodType = methodType(true, "Voice call");
        ObjectNode typed = json.createObjectNode().put("name", "methodType").put("type", "string"); // recorded order
        typed.setAll(methodType);
        ObjectNode authenticator = authenticatorField("Phone", null, i, typed, number);
        return ion.form("authenticator-enrollment-data", "/idp/idx/credential/enroll", "$.currentAuthenticator", i, authenticator);
    }

    /** authenticator-verification-data: the method to send the code by. */
    ObjectNode verificationData(Interaction i) {
        ObjectNode authenticator = authenticatorField("Phone Number", "$.authenticatorEnrollments.value[0]", i,
                methodType(true, "VOICE"));
        authenticator.put("type", "object"); // as the hand-made mocks, the only ones of this step
        return ion.form("authenticator-verification-data", "/idp/idx/challenge", "$.currentAuthenticatorEnrollment", i, authenticator);
    }

    /** The fields of the phone's option in select-authenticator-enroll (recorded: methodType choices and phoneNumber). */
    void enrollOption(ArrayNode optionFields) {
        optionFields.remove(1); // the one-method form's fixed methodType
        optionFields.add(methodType(false, "Voice call").put("type", "string"));
        optionFields.add(json.createObjectNode().put("name", "phoneNumber").put("label", "Phone number").put("required", false));
    }

    /** The methods of the phone authenticator or enrollment: the one a code went by, else all the org allows. */
    ArrayNode methods(Interaction i) {
        ArrayNode methods = json.createArrayNode();
        if (i != null && i.current == AuthenticatorKind.PHONE && i.phoneMethod != null) {
            methods.add(json.createObjectNode().put("type", i.phoneMethod));
        } else {
            org.phoneMethods().forEach(m -> methods.add(json.createObjectNode().put("type", m)));
        }
        return methods;
    }

    /** An enrollment's profile: the number, masked as Okta shows it. */
    ObjectNode profile(OrgUser user) {
        return json.createObjectNode().put("phoneNumber", PhoneNumbers.mask(user.phoneNumber()));
    }

    /**
     * The current phone authenticator or enrollment, with resend (recorded first, after the profile), also while the
     * method is asked (okta-idx-java scenario_4_1_2 credential-enroll-phone-response.json); resending then is refused.
     */
    ObjectNode current(ObjectNode current, Interaction i) {
        ObjectNode withResend = json.createObjectNode();
        if (current.has("profile")) {
            withResend.set("profile", current.get("profile"));
        }
        withResend.set("resend", ion.form("resend", "/idp/idx/challenge/resend", null, i));
        withResend.setAll(current);
        return withResend;
    }

    /** Okta's rate limit on a resend, as recorded: the state's handle and expiry, intent, the message; nothing else. */
    ObjectNode rateLimited(Interaction i, String expiresAt, Problem limit) {
        ObjectNode root = json.createObjectNode().put("version", "1.0.0").put("stateHandle", i.stateHandle)
                .put("expiresAt", expiresAt).put("intent", "LOGIN");
        root.set("messages", ion.messages(limit.message(), limit.i18nKey()));
        return root;
    }

    private ObjectNode authenticatorField(String label, String relatesTo, Interaction i, ObjectNode... fields) {
        ArrayNode values = json.createArrayNode();
        values.add(json.createObjectNode().put("name", "id").put("required", true).put("value", org.authenticatorId(AuthenticatorKind.PHONE))
                .put("mutable", false));
        for (ObjectNode f : fields) {
            values.add(f);
        }
        ObjectNode authenticator = json.createObjectNode().put("name", "authenticator").put("label", label);
        authenticator.set("form", json.createObjectNode().set("value", values));
        if (relatesTo != null) {
            authenticator.put("relatesTo", relatesTo);
        }
        return authenticator;
    }

    private ObjectNode methodType(boolean required, String voiceLabel) {
        ArrayNode options = json.createArrayNode();
        for (String m : org.phoneMethods()) {
            options.add(json.createObjectNode().put("label", m.equals("sms") ? "SMS" : voiceLabel).put("value", m));
        }
        ObjectNode field = json.createObjectNode().put("name", "methodType").put("required", required);
        field.set("options", options);
        return field;
    }
}
