package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.PasswordPolicy;

import java.util.List;

/** The ION building blocks of IDX responses (forms, wrapped values, messages, authenticator choices), as recorded. */
final class IonForms {
    static final String ACCEPTS = "application/json; okta-version=1.0.0";

    private final ObjectMapper json;
    private final String orgBase;
    private final Org org;
    private PhoneForms phone;

    IonForms(ObjectMapper json, String orgBase, Org org) {
        this.json = json;
        this.orgBase = orgBase;
        this.org = org;
    }

    /** The phone's option fields come from its own forms (set once, by IdxResponses). */
    void phoneOptions(PhoneForms phoneForms) {
        this.phone = phoneForms;
    }

    ObjectNode passcodeField(String label, boolean secret, Problem problem) {
        return passcodeField(label, secret, false, problem);
    }

    /** {@code requiredVisible}: the field says required and visible, as recorded for Google Authenticator codes. */
    ObjectNode passcodeField(String label, boolean secret, boolean requiredVisible, Problem problem) {
        ObjectNode passcode = json.createObjectNode().put("name", "passcode").put("label", label);
        if (secret) {
            passcode.put("secret", true);
        }
        if (requiredVisible) {
            passcode.put("required", true).put("visible", true);
        }
        if (problem != null && problem.fieldLevel() && problem.field().equals("passcode")) {
            passcode.set("messages", problem.params() == null ? messages(problem.message(), problem.i18nKey())
                    : fieldMessages(problem, problem.params().toArray(String[]::new)));
        }
        ObjectNode credentials = json.createObjectNode().put("name", "credentials").put("type", "object");
        credentials.set("form", json.createObjectNode().set("value", json.createArrayNode().add(passcode)));
        credentials.put("required", true);
        return credentials;
    }

    ObjectNode passwordSettings(PasswordPolicy p) {
        ObjectNode complexity = json.createObjectNode().put("minLength", p.minLength()).put("minLowerCase", p.minLowerCase())
                .put("minUpperCase", p.minUpperCase()).put("minNumber", p.minNumber()).put("minSymbol", p.minSymbol())
                .put("excludeUsername", p.excludeUsername());
        complexity.set("excludeAttributes", json.createArrayNode());
        ObjectNode settings = json.createObjectNode();
        settings.set("complexity", complexity);
        settings.set("age", json.createObjectNode().put("minAgeMinutes", 0).put("historyCount", 0));
        return settings;
    }

    /** An authenticator choice; {@code leading} fields (e.g. unlock's identifier) come before it. */
    ObjectNode select(String name, String path, String relatesToPrefix, Interaction i, List<AuthenticatorKind> options,
                      ObjectNode... leading) {
        ArrayNode opts = json.createArrayNode();
        for (int n = 0; n < options.size(); n++) {
            AuthenticatorKind k = options.get(n);
            ArrayNode values = json.createArrayNode();
            values.add(json.createObjectNode().put("name", "id").put("required", true).put("value", org.authenticatorId(k)).put("mutable", false));
            values.add(k.methods().size() > 1 ? (name.equals("select-authenticator-enroll") ? channelOptions() : methodOptions(k)) : json.createObjectNode().put("name", "methodType").put("required", false)
                    .put("value", k.methodType()).put("mutable", false));
            if (k == AuthenticatorKind.PHONE && name.equals("select-authenticator-enroll")) {
                phone.enrollOption(values); // the method's choices and the number, as recorded
            } else if (k == AuthenticatorKind.PHONE) {
                values.remove(1); // recorded: the id alone; the method is asked next (authenticator-verification-data)
            }
            ObjectNode option = json.createObjectNode().put("label", k.displayName());
            option.set("value", json.createObjectNode().set("form", json.createObjectNode().set("value", values)));
            option.put("relatesTo", relatesToPrefix + n + "]");
            opts.add(option);
        }
        ObjectNode authenticator = json.createObjectNode().put("name", "authenticator").put("type", "object");
        authenticator.set("options", opts);
        ObjectNode[] fields = java.util.Arrays.copyOf(leading, leading.length + 1);
        fields[leading.length] = authenticator;
        return form(name, path, null, i, fields);
    }

    /** An authenticator with several methods lets the person choose one, as recorded for Okta Verify (autoChallenge-off). */
    private ObjectNode methodOptions(AuthenticatorKind k) {
        ObjectNode field = json.createObjectNode().put("name", "methodType").put("type", "string").put("required", false);
        ArrayNode options = field.putArray("options");
        for (String m : k.methods()) {
            options.add(json.createObjectNode().put("label", m.equals("push") ? "Get a push notification" : "Enter a code").put("value", m));
        }
        return field;
    }

    /** Okta Verify to enroll: the channel to choose instead of a method, as recorded (authenticator-enroll-ov-*.json). */
    private ObjectNode channelOptions() {
        ObjectNode field = json.createObjectNode().put("name", "channel").put("type", "string").put("required", false);
        ArrayNode options = field.putArray("options");
        for (String[] c : new String[][] {{"QRCODE", "qrcode"}, {"EMAIL", "email"}, {"SMS", "sms"}}) {
            options.add(json.createObjectNode().put("label", c[0]).put("value", c[1]));
        }
        return field;
    }

    ObjectNode form(String name, String path, String relatesTo, Interaction i, ObjectNode... fields) {
        ObjectNode form = json.createObjectNode();
        form.set("rel", json.createArrayNode().add("create-form"));
        form.put("name", name);
        if (relatesTo != null) {
            form.set("relatesTo", json.createArrayNode().add(relatesTo));
        }
        form.put("href", orgBase + path).put("method", "POST").put("produces", IdxResponses.ION_JSON);
        ArrayNode values = json.createArrayNode();
        for (ObjectNode f : fields) {
            values.add(f);
        }
        values.add(json.createObjectNode().put("name", "stateHandle").put("required", true).put("value", i.stateHandle)
                .put("visible", false).put("mutable", false));
        form.set("value", values);
        form.put("accepts", ACCEPTS);
        return form;
    }

    /** The poll form of an email challenge or enrollment, with Okta's refresh interval after "produces". */
    ObjectNode poll(Interaction i) {
        ObjectNode poll = form("poll", "/idp/idx/challenge/poll", null, i);
        ObjectNode ordered = json.createObjectNode();
        poll.fields().forEachRemaining(e -> {
            ordered.set(e.getKey(), e.getValue());
            if (e.getKey().equals("produces")) {
                ordered.put("refresh", 4000);
            }
        });
        return ordered;
    }

    ObjectNode cancel(Interaction i) {
        return form("cancel", "/idp/idx/cancel", null, i);
    }

    ObjectNode app(Interaction i) {
        return wrap("object", json.createObjectNode().put("name", "oidc_client").put("label", i.app().label())
                .put("id", i.app().clientId()));
    }

    /** A field's own messages (under the field, not at the top), each with its i18n params. */
    ObjectNode fieldMessages(Problem problem, String... params) {
        ObjectNode m = json.createObjectNode().put("message", problem.message());
        ArrayNode p = json.createArrayNode();
        for (String param : params) {
            p.add(param);
        }
        m.set("i18n", json.createObjectNode().put("key", problem.i18nKey()).set("params", p));
        m.put("class", "ERROR");
        return wrap("array", json.createArrayNode().add(m));
    }

    ObjectNode messages(String message, String i18nKey) {
        ObjectNode m = json.createObjectNode().put("message", message);
        m.set("i18n", json.createObjectNode().put("key", i18nKey));
        m.put("class", "ERROR");
        return wrap("array", json.createArrayNode().add(m));
    }

    ArrayNode array(List<ObjectNode> nodes) {
        ArrayNode a = json.createArrayNode();
        nodes.forEach(a::add);
        return a;
    }

    ObjectNode wrap(String type, JsonNode value) {
        ObjectNode n = json.createObjectNode().put("type", type);
        n.set("value", value);
        return n;
    }

    /** Okta shows an email as its first and last letter of the local part: a***e@example.com. */
    static String mask(String email) {
        int at = email.indexOf('@');
        if (at < 2) {
            return email;
        }
        return email.charAt(0) + "***" + email.charAt(at - 1) + email.substring(at);
    }
}
