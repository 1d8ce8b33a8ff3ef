package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;

import java.util.List;

/**
 * The self-service unlock states, in the shapes of the Sign-In Widget's recordings of them
 * (okta-signin-widget, src/v3/src/mocks/response/idp/idx/): unlock-account/default.json (the
 * identifier and authenticator form, posted to /idp/idx/challenge), challenge/unlock-account-email.json
 * (the email code) and challenge/answer/unlock-account-success.json (done).
 *
 * <p>Until the code is right nothing here depends on whether the identifier names anybody: no user
 * id, no masked email (Okta's recording of the unlock challenge has neither, unlike a sign-in
 * challenge), the authenticator enrollments listed without ids, the identifier echoed as typed.
 */
final class UnlockResponses {
    /** The Okta message after an unlock, as the widget's 2022 recording has it (its 2021 one said "You can log in using your existing username and password"). */
    static final String UNLOCKED_MESSAGE = "Your account is now unlocked!";
    static final String UNLOCKED_KEY = "oie.selfservice.unlock_user.success.message";

    private static final List<AuthenticatorKind> METHODS = List.of(AuthenticatorKind.EMAIL);

    private final ObjectMapper json;
    private final IonForms ion;
    private final Org org;

    UnlockResponses(ObjectMapper json, IonForms ion, Org org) {
        this.json = json;
        this.ion = ion;
        this.org = org;
    }

    boolean renders(Offer.Kind kind) {
        return kind == Offer.Kind.SELECT_UNLOCK || kind == Offer.Kind.UNLOCK_CHALLENGE || kind == Offer.Kind.UNLOCKED;
    }

    ObjectNode state(Interaction i, String expiresAt, Problem problem) {
        ObjectNode root = json.createObjectNode().put("version", "1.0.0").put("stateHandle", i.stateHandle)
                .put("expiresAt", expiresAt).put("intent", "LOGIN");
        switch (i.offer.kind()) {
            case SELECT_UNLOCK -> {
                ObjectNode identifier = json.createObjectNode().put("name", "identifier").put("label", "Username").put("required", true);
                if (problem != null && problem.fieldLevel() && problem.field().equals("identifier")) {
                    identifier.set("messages", ion.fieldMessages(problem, "Username"));
                }
                root.set("remediation", ion.wrap("array", json.createArrayNode().add(ion.select("select-authenticator-unlock-account",
                        "/idp/idx/challenge", "$.authenticatorEnrollments.value[", i, METHODS, identifier))));
                topMessages(root, problem);
                listAuthenticators(root);
            }
            case UNLOCK_CHALLENGE -> {
                ArrayNode remediation = json.createArrayNode();
                remediation.add(ion.form("challenge-authenticator", "/idp/idx/challenge/answer", "$.currentAuthenticatorEnrollment", i,
                        ion.passcodeField("Enter code", false, problem)));
                remediation.add(ion.select("select-authenticator-authenticate", "/idp/idx/challenge",
                        "$.authenticatorEnrollments.value[", i, METHODS));
                root.set("remediation", ion.wrap("array", remediation));
                topMessages(root, problem);
                ObjectNode current = json.createObjectNode();
                current.set("resend", ion.form("resend", "/idp/idx/challenge/resend", null, i));
                current.set("poll", ion.poll(i));
                describe(current, AuthenticatorKind.EMAIL, null);
                root.set("currentAuthenticatorEnrollment", ion.wrap("object", current));
                listAuthenticators(root);
                root.set("user", ion.wrap("object", json.createObjectNode().put("identifier", i.unlockIdentifier)));
            }
            default -> { // UNLOCKED: a terminal state, as recorded; the person signs in anew
                ObjectNode m = json.createObjectNode().put("message", UNLOCKED_MESSAGE);
                m.set("i18n", json.createObjectNode().put("key", UNLOCKED_KEY).set("params", json.createArrayNode()));
                m.put("class", "INFO");
                root.set("messages", ion.wrap("array", json.createArrayNode().add(m)));
                root.set("user", ion.wrap("object", json.createObjectNode().put("id", i.unlockTarget.id())
                        .put("identifier", i.unlockIdentifier)));
            }
        }
        root.set("cancel", ion.cancel(i));
        root.set("app", ion.app(i));
        return root;
    }

    private void topMessages(ObjectNode root, Problem problem) {
        if (problem != null && !problem.fieldLevel()) {
            root.set("messages", ion.messages(problem.message(), problem.i18nKey()));
        }
    }

    /** The authenticators (with the org's ids) and the same as enrollments, without ids: nobody is identified yet. */
    private void listAuthenticators(ObjectNode root) {
        ArrayNode authenticators = json.createArrayNode();
        ArrayNode enrollments = json.createArrayNode();
        for (AuthenticatorKind k : METHODS) {
            authenticators.add(describe(json.createObjectNode(), k, org.authenticatorId(k)));
            enrollments.add(describe(json.createObjectNode(), k, null));
        }
        root.set("authenticators", ion.wrap("array", authenticators));
        root.set("authenticatorEnrollments", ion.wrap("array", enrollments));
    }

    private ObjectNode describe(ObjectNode a, AuthenticatorKind k, String id) {
        a.put("type", k.type()).put("key", k.key());
        if (id != null) {
            a.put("id", id);
        }
        a.put("displayName", k.displayName());
        a.set("methods", json.createArrayNode().add(json.createObjectNode().put("type", k.type())));
        return a;
    }
}
