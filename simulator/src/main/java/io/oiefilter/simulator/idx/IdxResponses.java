package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.SignOnMode;

/**
 * Builds IDX responses in the shapes of the recorded real Okta responses (okta-idx-dotnet's
 * captured mocks first, the widget's where those have none). Keys are written in the recorded order.
 */
public final class IdxResponses {
    public static final String ION_JSON = "application/ion+json; okta-version=1.0.0";
    private static final String ACCEPTS = "application/json; okta-version=1.0.0";

    private final ObjectMapper json = new ObjectMapper();
    private final String orgBase;
    private final String issuer;
    private final String passwordAuthenticatorId = Org.newId("aut");

    public IdxResponses(String orgBase, String issuer) {
        this.orgBase = orgBase;
        this.issuer = issuer;
    }

    /** The state a transaction is in, as introspect and every successful step return it. */
    public ObjectNode state(Interaction i, String expiresAt) {
        ObjectNode root = header(i.stateHandle, expiresAt);
        switch (i.step) {
            case IDENTIFY -> {
                root.set("remediation", remediations(identifyForm(i)));
                if (i.app().signOnMode() == SignOnMode.ONE_STEP) {
                    root.set("currentAuthenticator", wrap("object", passwordAuthenticator(i, false)));
                }
            }
            case CHALLENGE_PASSWORD -> {
                root.set("remediation", remediations(form("challenge-authenticator", "/idp/idx/challenge/answer",
                        "$.currentAuthenticatorEnrollment", i.stateHandle, credentialsField("Password", true))));
                root.set("currentAuthenticatorEnrollment", wrap("object", passwordAuthenticator(i, true)));
                root.set("authenticators", wrap("array", json.createArrayNode().add(passwordAuthenticator(i, false, false))));
                root.set("authenticatorEnrollments", wrap("array", json.createArrayNode().add(passwordAuthenticator(i, true, false))));
                root.set("user", wrap("object", json.createObjectNode().put("id", i.user().id())));
            }
            case SUCCESS -> root.set("user", wrap("object", json.createObjectNode().put("id", i.user().id())));
        }
        root.set("cancel", form("cancel", "/idp/idx/cancel", null, i.stateHandle));
        root.set("app", wrap("object", json.createObjectNode().put("name", "oidc_client")
                .put("label", i.app().label()).put("id", i.app().clientId())));
        if (i.step == Interaction.Step.SUCCESS) {
            root.set("successWithInteractionCode", successForm(i));
        }
        return root;
    }

    /** The state again with a top-level message, as Okta answers a failed step. */
    public ObjectNode stateWithMessage(Interaction i, String expiresAt, String message, String i18nKey) {
        ObjectNode state = state(i, expiresAt);
        ObjectNode withMessages = json.createObjectNode();
        // Recorded errors place "messages" right after "remediation".
        state.fields().forEachRemaining(e -> {
            withMessages.set(e.getKey(), e.getValue());
            if (e.getKey().equals("remediation")) {
                withMessages.set("messages", messages(message, i18nKey));
            }
        });
        return withMessages;
    }

    /** A terminal error with no state, e.g. idx.session.expired. */
    public ObjectNode terminal(String message, String i18nKey) {
        ObjectNode root = json.createObjectNode().put("version", "1.0.0");
        root.set("messages", messages(message, i18nKey));
        return root;
    }

    private ObjectNode header(String stateHandle, String expiresAt) {
        return json.createObjectNode().put("version", "1.0.0").put("stateHandle", stateHandle)
                .put("expiresAt", expiresAt).put("intent", "LOGIN");
    }

    private ObjectNode identifyForm(Interaction i) {
        ObjectNode identifier = json.createObjectNode().put("name", "identifier").put("label", "Username");
        ObjectNode rememberMe = json.createObjectNode().put("name", "rememberMe").put("type", "boolean")
                .put("label", "Remember this device");
        return i.app().signOnMode() == SignOnMode.ONE_STEP
                ? form("identify", "/idp/idx/identify", null, i.stateHandle, identifier, credentialsField("Password", true), rememberMe)
                : form("identify", "/idp/idx/identify", null, i.stateHandle, identifier, rememberMe);
    }

    private ObjectNode credentialsField(String label, boolean secret) {
        ObjectNode passcode = json.createObjectNode().put("name", "passcode").put("label", label);
        if (secret) {
            passcode.put("secret", true);
        }
        ObjectNode credentials = json.createObjectNode().put("name", "credentials").put("type", "object");
        credentials.set("form", json.createObjectNode().set("value", json.createArrayNode().add(passcode)));
        credentials.put("required", true);
        return credentials;
    }

    private ObjectNode passwordAuthenticator(Interaction i, boolean enrollment) {
        return passwordAuthenticator(i, enrollment, true);
    }

    private ObjectNode passwordAuthenticator(Interaction i, boolean enrollment, boolean withRecover) {
        ObjectNode a = json.createObjectNode();
        if (withRecover) {
            a.set("recover", form("recover", "/idp/idx/recover", null, i.stateHandle));
        }
        a.put("type", "password").put("key", "okta_password")
                .put("id", enrollment ? "lae" + i.user().id().substring(3) : passwordAuthenticatorId)
                .put("displayName", "Password");
        a.set("methods", json.createArrayNode().add(json.createObjectNode().put("type", "password")));
        return a;
    }

    private ObjectNode successForm(Interaction i) {
        ArrayNode values = json.createArrayNode();
        values.add(json.createObjectNode().put("name", "grant_type").put("required", true).put("value", "interaction_code"));
        values.add(json.createObjectNode().put("name", "interaction_code").put("required", true).put("value", i.interactionCode));
        values.add(json.createObjectNode().put("name", "client_id").put("required", true).put("value", i.app().clientId()));
        if (i.app().confidential()) {
            values.add(json.createObjectNode().put("name", "client_secret").put("required", true));
        }
        values.add(json.createObjectNode().put("name", "code_verifier").put("required", true));
        ObjectNode form = json.createObjectNode();
        form.set("rel", json.createArrayNode().add("create-form"));
        form.put("name", "issue").put("href", issuer + "/v1/token").put("method", "POST");
        form.set("value", values);
        form.put("accepts", "application/x-www-form-urlencoded");
        return form;
    }

    private ObjectNode form(String name, String path, String relatesTo, String stateHandle, ObjectNode... fields) {
        ObjectNode form = json.createObjectNode();
        form.set("rel", json.createArrayNode().add("create-form"));
        form.put("name", name);
        if (relatesTo != null) {
            form.set("relatesTo", json.createArrayNode().add(relatesTo));
        }
        form.put("href", orgBase + path).put("method", "POST").put("produces", ION_JSON);
        ArrayNode values = json.createArrayNode();
        for (ObjectNode f : fields) {
            values.add(f);
        }
        values.add(json.createObjectNode().put("name", "stateHandle").put("required", true).put("value", stateHandle)
                .put("visible", false).put("mutable", false));
        form.set("value", values);
        form.put("accepts", ACCEPTS);
        return form;
    }

    private ObjectNode remediations(ObjectNode... forms) {
        ArrayNode values = json.createArrayNode();
        for (ObjectNode f : forms) {
            values.add(f);
        }
        return wrap("array", values);
    }

    private ObjectNode messages(String message, String i18nKey) {
        ObjectNode m = json.createObjectNode().put("message", message);
        m.set("i18n", json.createObjectNode().put("key", i18nKey));
        m.put("class", "ERROR");
        return wrap("array", json.createArrayNode().add(m));
    }

    private ObjectNode wrap(String type, com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode n = json.createObjectNode().put("type", type);
        n.set("value", value);
        return n;
    }
}
