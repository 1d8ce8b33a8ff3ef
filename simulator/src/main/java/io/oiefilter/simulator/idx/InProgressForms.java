package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;

import java.util.List;

/**
 * The authenticator being verified or set up, as the recorded states show it: the forms that answer it and
 * what the state says of it (currentAuthenticator or currentAuthenticatorEnrollment), per kind. Teaching the
 * simulator an authenticator changes this class and the authenticator's own forms, not {@link IdxResponses}.
 */
final class InProgressForms {
    /** Where the state puts the authenticator in progress, and what it says of it. */
    record Current(String key, ObjectNode value) {
    }

    private final ObjectMapper json;
    private final IonForms ion;
    private final Org org;
    private final TotpEnrollment totp;
    private final SecurityQuestionForms questions;
    private final PhoneForms phone;
    private final WebAuthnForms webauthn;
    private final OktaVerifyForms verify;

    InProgressForms(ObjectMapper json, IonForms ion, Org org, String orgBase) {
        this.json = json;
        this.ion = ion;
        this.org = org;
        this.totp = new TotpEnrollment(json, orgBase);
        this.questions = new SecurityQuestionForms(json, ion);
        this.phone = new PhoneForms(json, ion, org);
        ion.phoneOptions(phone);
        this.webauthn = new WebAuthnForms(json);
        this.verify = new OktaVerifyForms(json, ion, org, orgBase);
    }

    PhoneForms phone() {
        return phone;
    }

    /** A challenge: its answering form(s) added to {@code remediations}; the authenticator as the state shows it. */
    Current challenge(Interaction i, Problem problem, List<ObjectNode> remediations) {
        AuthenticatorKind k = i.current;
        // As recorded, an app authenticator's challenge relates to currentAuthenticator (the authenticator,
        // id "aut…"), the others' to currentAuthenticatorEnrollment (the user's enrollment).
        boolean app = k == AuthenticatorKind.GOOGLE_OTP || k == AuthenticatorKind.WEBAUTHN || k == AuthenticatorKind.OKTA_VERIFY;
        String currentKey = app ? "currentAuthenticator" : "currentAuthenticatorEnrollment";
        if (k == AuthenticatorKind.OKTA_VERIFY) { // see OktaVerifyForms
            remediations.addAll(verify.challengeRemediations(i, problem));
        } else {
            remediations.add(PhoneForms.awaitingData(i) ? phone.verificationData(i)
                    : ion.form("challenge-authenticator", "/idp/idx/challenge/answer", "$." + currentKey,
                    i, k == AuthenticatorKind.WEBAUTHN ? webauthn.challengeCredentials()
                            : k == AuthenticatorKind.SECURITY_QUESTION ? questions.challengeCredentials(i.user, problem)
                            : ion.passcodeField(k == AuthenticatorKind.PASSWORD ? "Password" : "Enter code",
                            k == AuthenticatorKind.PASSWORD, app, problem)));
        }
        ObjectNode current = authenticator(k, app ? null : i.user, i, k == AuthenticatorKind.PASSWORD, k == AuthenticatorKind.EMAIL);
        current = k == AuthenticatorKind.PHONE ? phone.current(current, i) : current;
        current = k == AuthenticatorKind.OKTA_VERIFY ? verify.challengeAuthenticator(i, current) : current;
        if (k == AuthenticatorKind.SECURITY_QUESTION) {
            current.set("contextualData", json.createObjectNode().set("enrolledQuestion", questions.enrolledQuestion(i.user)));
        }
        if (k == AuthenticatorKind.WEBAUTHN) { // recorded first
            current = json.createObjectNode().<ObjectNode>set("contextualData", webauthn.challengeContextualData(i)).setAll(current);
        }
        return new Current(currentKey, current);
    }

    /**
     * An enrollment, reset or re-enrollment: its answering form(s) added to {@code remediations}; the authenticator
     * as the state shows it (its currentAuthenticator).
     */
    ObjectNode enrollment(Interaction i, Offer.Kind kind, Problem problem, List<ObjectNode> remediations) {
        AuthenticatorKind k = i.current;
        boolean password = k == AuthenticatorKind.PASSWORD;
        String name = switch (kind) {
            case RESET -> "reset-authenticator";
            case REENROLL -> "reenroll-authenticator";
            default -> "enroll-authenticator";
        };
        String label = kind != Offer.Kind.ENROLL ? "New password" : password ? "Enter password" : "Enter code";
        if (k == AuthenticatorKind.OKTA_VERIFY) {
            remediations.addAll(verify.enrollRemediations(i));
        } else {
            remediations.add(PhoneForms.awaitingData(i) ? phone.enrollmentData(i)
                    : ion.form(name, "/idp/idx/challenge/answer", "$.currentAuthenticator", i,
                    k == AuthenticatorKind.WEBAUTHN ? webauthn.enrollCredentials()
                            : k == AuthenticatorKind.SECURITY_QUESTION ? questions.enrollCredentials(problem)
                            : ion.passcodeField(label, password, k == AuthenticatorKind.GOOGLE_OTP, problem)));
        }
        ObjectNode current = authenticator(k, null, i, false, k == AuthenticatorKind.EMAIL);
        current = k == AuthenticatorKind.PHONE ? phone.current(current, i) : current;
        if (k == AuthenticatorKind.GOOGLE_OTP || k == AuthenticatorKind.SECURITY_QUESTION || k == AuthenticatorKind.WEBAUTHN) {
            ObjectNode withData = json.createObjectNode(); // recorded first
            withData.set("contextualData", k == AuthenticatorKind.GOOGLE_OTP ? totp.contextualData(i)
                    : k == AuthenticatorKind.WEBAUTHN ? webauthn.enrollContextualData(i, "oie-simulator") : questions.enrollContextualData());
            withData.setAll(current);
            current = withData;
        }
        current = k == AuthenticatorKind.OKTA_VERIFY ? verify.enrollAuthenticator(i, current) : current;
        if (password) {
            current.set("settings", ion.passwordSettings(org.passwordPolicy()));
        }
        return current;
    }

    /** The user's enrollments of one kind as authenticatorEnrollments lists them: one per WebAuthn credential, else one. */
    void addEnrollments(AuthenticatorKind k, Interaction i, List<ObjectNode> out) {
        if (k == AuthenticatorKind.WEBAUTHN) {
            webauthn.addEnrollments(authenticator(k, i.user, i, false, false), i.user, out);
        } else {
            out.add(authenticator(k, i.user, i, false, false));
        }
    }

    /** An authenticator as the states list it; an enrollment of {@code enrollmentOf} (its profile, its id) when given. */
    ObjectNode authenticator(AuthenticatorKind k, OrgUser enrollmentOf, Interaction i, boolean withRecover, boolean withResend) {
        ObjectNode a = json.createObjectNode();
        if (enrollmentOf != null && k == AuthenticatorKind.EMAIL) {
            a.set("profile", json.createObjectNode().put("email", ion.mask(enrollmentOf.email())));
        }
        if (enrollmentOf != null && k == AuthenticatorKind.PHONE) {
            a.set("profile", phone.profile(enrollmentOf));
        }
        if (enrollmentOf != null && k == AuthenticatorKind.SECURITY_QUESTION) {
            a.set("profile", questions.enrolledQuestion(enrollmentOf));
        }
        if (withRecover) {
            a.set("recover", ion.form("recover", "/idp/idx/recover", null, i));
        }
        if (withResend) {
            a.set("resend", ion.form("resend", "/idp/idx/challenge/resend", null, i));
            a.set("poll", ion.poll(i));
        }
        String id = enrollmentOf != null ? k.enrollmentPrefix() + enrollmentOf.id().substring(3) : org.authenticatorId(k);
        a.put("type", k.type()).put("key", k.key()).put("id", id).put("displayName", k.displayName());
        if (k == AuthenticatorKind.PHONE) {
            a.set("methods", phone.methods(i));
        } else {
            ArrayNode methods = a.putArray("methods");
            k.methods().forEach(m -> methods.add(json.createObjectNode().put("type", m)));
        }
        return a;
    }

}
