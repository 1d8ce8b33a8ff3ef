package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.PasswordPolicy;
import io.oiefilter.simulator.org.SignOnMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a transaction's offer as an IDX response in the shapes of the recorded real Okta
 * responses (okta-idx-dotnet's captured mocks first, okta-idx-java's and the widget's where those
 * have none). Hrefs point at the simulator.
 */
public final class IdxResponses {
    public static final String ION_JSON = "application/ion+json; okta-version=1.0.0";
    private static final String ACCEPTS = "application/json; okta-version=1.0.0";

    private final ObjectMapper json = new ObjectMapper();
    private final String orgBase;
    private final String issuer;
    private final Org org;

    public IdxResponses(String orgBase, String issuer, Org org) {
        this.orgBase = orgBase;
        this.issuer = issuer;
        this.org = org;
    }

    /** The transaction's state; with a problem, the refused step's form again plus Okta's message. */
    public ObjectNode state(Interaction i, String expiresAt, Problem problem, List<AuthenticatorKind> enrollable) {
        Offer offer = i.offer;
        ObjectNode root = json.createObjectNode().put("version", "1.0.0").put("stateHandle", i.stateHandle)
                .put("expiresAt", expiresAt).put("intent", "LOGIN");
        List<ObjectNode> remediations = new ArrayList<>();
        ObjectNode current = null;
        String currentKey = null;
        List<AuthenticatorKind> authenticators = offer.options();
        boolean withEnrollmentAuthenticator = false;
        switch (offer.kind()) {
            case IDENTIFY -> {
                remediations.add(identifyForm(i));
                if (i.app().selfServiceRegistration() && i.intent == Interaction.Intent.LOGIN) {
                    remediations.add(form("select-enroll-profile", "/idp/idx/enroll", null, i));
                }
                if (i.app().signOnMode() == SignOnMode.ONE_STEP && i.intent == Interaction.Intent.LOGIN) {
                    currentKey = "currentAuthenticator";
                    current = authenticator(AuthenticatorKind.PASSWORD, null, i, true, false);
                }
            }
            case ENROLL_PROFILE -> {
                remediations.add(profileForm(i, problem));
                remediations.add(form("select-identify", "/idp/idx/identify/select", null, i));
            }
            case CHALLENGE -> {
                AuthenticatorKind k = i.current;
                remediations.add(form("challenge-authenticator", "/idp/idx/challenge/answer", "$.currentAuthenticatorEnrollment",
                        i, passcodeField(k == AuthenticatorKind.PASSWORD ? "Password" : "Enter code",
                                k == AuthenticatorKind.PASSWORD, problem)));
                currentKey = "currentAuthenticatorEnrollment";
                current = authenticator(k, i.user, i, k == AuthenticatorKind.PASSWORD, k == AuthenticatorKind.EMAIL);
            }
            case SELECT_AUTHENTICATE -> remediations.add(select("select-authenticator-authenticate", "/idp/idx/challenge",
                    "$.authenticatorEnrollments.value[", i, offer.options()));
            case SELECT_ENROLL -> {
                remediations.add(select("select-authenticator-enroll", "/idp/idx/credential/enroll", "$.authenticators.value[",
                        i, offer.options()));
                if (offer.skippable()) {
                    remediations.add(form("skip", "/idp/idx/skip", null, i));
                }
            }
            case ENROLL, RESET, REENROLL -> {
                AuthenticatorKind k = i.current;
                boolean password = k == AuthenticatorKind.PASSWORD;
                String name = switch (offer.kind()) {
                    case RESET -> "reset-authenticator";
                    case REENROLL -> "reenroll-authenticator";
                    default -> "enroll-authenticator";
                };
                String label = offer.kind() != Offer.Kind.ENROLL ? "New password" : password ? "Enter password" : "Enter code";
                remediations.add(form(name, "/idp/idx/challenge/answer", "$.currentAuthenticator", i, passcodeField(label, password, problem)));
                if (offer.kind() == Offer.Kind.ENROLL) {
                    // Okta lets the user pick another authenticator to enroll instead, or skip an optional one.
                    remediations.add(select("select-authenticator-enroll", "/idp/idx/credential/enroll",
                            "$.authenticators.value[", i, enrollable));
                    if (offer.skippable()) {
                        remediations.add(form("skip", "/idp/idx/skip", null, i));
                    }
                    authenticators = enrollable;
                }
                currentKey = "currentAuthenticator";
                current = authenticator(k, null, i, false, !password);
                if (password) {
                    current.set("settings", passwordSettings(org.passwordPolicy()));
                }
                withEnrollmentAuthenticator = offer.kind() != Offer.Kind.REENROLL;
                if (offer.kind() == Offer.Kind.REENROLL) {
                    authenticators = List.of(AuthenticatorKind.PASSWORD);
                }
            }
            case SUCCESS -> authenticators = null;
        }
        if (!remediations.isEmpty()) {
            root.set("remediation", wrap("array", array(remediations)));
        }
        if (problem != null && !problem.fieldLevel()) {
            root.set("messages", messages(problem.message(), problem.i18nKey()));
        }
        if (current != null) {
            root.set(currentKey, wrap("object", current));
        }
        if (i.user != null && authenticators != null) {
            List<ObjectNode> listed = new ArrayList<>();
            for (AuthenticatorKind k : authenticators) {
                listed.add(authenticator(k, null, i, false, false));
            }
            root.set("authenticators", wrap("array", array(listed)));
            root.set("authenticatorEnrollments", wrap("array", array(enrollments(i, offer))));
            if (withEnrollmentAuthenticator) {
                ObjectNode enrolling = authenticator(i.current, null, i, false, false);
                if (i.current == AuthenticatorKind.PASSWORD) {
                    enrolling.set("settings", passwordSettings(org.passwordPolicy()));
                }
                root.set("enrollmentAuthenticator", wrap("object", enrolling));
            }
            if ((i.intent == Interaction.Intent.RECOVERY && offer.kind() != Offer.Kind.RESET) || offer.kind() == Offer.Kind.REENROLL) {
                ObjectNode recovery = authenticator(AuthenticatorKind.PASSWORD, null, i, false, false);
                if (offer.kind() == Offer.Kind.REENROLL) { // as recorded: settings here, none while recovering
                    recovery.set("settings", passwordSettings(org.passwordPolicy()));
                }
                root.set("recoveryAuthenticator", wrap("object", recovery));
            }
        }
        if (i.user != null) {
            root.set("user", wrap("object", json.createObjectNode().put("id", i.user.id())));
        }
        root.set("cancel", form("cancel", "/idp/idx/cancel", null, i));
        root.set("app", wrap("object", json.createObjectNode().put("name", "oidc_client")
                .put("label", i.app().label()).put("id", i.app().clientId())));
        if (offer.kind() == Offer.Kind.SUCCESS) {
            root.set("successWithInteractionCode", successForm(i));
        }
        return root;
    }

    /**
     * The first state of a transaction no access policy rule allows (the authorization server's rule lacks the
     * Interaction Code grant): HTTP 200, Okta's message and a failure-redirect, no remediation. As recorded in
     * okta-idx-java issue #201.
     */
    public ObjectNode noMatchingPolicy(Interaction i, String expiresAt) {
        ObjectNode root = json.createObjectNode().put("version", "1.0.0").put("stateHandle", i.stateHandle)
                .put("expiresAt", expiresAt).put("intent", "LOGIN");
        root.set("messages", messages("You are not allowed to access this app. To request access, contact an admin.",
                "idx.error.code.no_matching_policy"));
        root.set("failure", json.createObjectNode().put("name", "failure-redirect")
                .put("href", orgBase + "/login/error/redirect?stateToken=" + i.stateHandle));
        return root;
    }

    /** A terminal error with no state, e.g. idx.session.expired or tooManyRequests. */
    public ObjectNode terminal(String message, String i18nKey) {
        ObjectNode root = json.createObjectNode().put("version", "1.0.0");
        root.set("messages", messages(message, i18nKey));
        return root;
    }

    private List<ObjectNode> enrollments(Interaction i, Offer offer) {
        List<ObjectNode> out = new ArrayList<>();
        // Selecting or challenging lists the enrollments being offered; otherwise all the user has.
        List<AuthenticatorKind> kinds = new ArrayList<>();
        if (offer.kind() == Offer.Kind.SELECT_AUTHENTICATE || offer.kind() == Offer.Kind.CHALLENGE
                || offer.kind() == Offer.Kind.REENROLL) {
            kinds.addAll(offer.options());
        } else {
            for (AuthenticatorKind k : AuthenticatorKind.values()) {
                if (i.user.enrolled(k)) {
                    kinds.add(k);
                }
            }
        }
        for (AuthenticatorKind k : kinds) {
            out.add(authenticator(k, i.user, i, false, false));
        }
        return out;
    }

    private ObjectNode identifyForm(Interaction i) {
        ObjectNode identifier = json.createObjectNode().put("name", "identifier").put("label", "Username");
        ObjectNode rememberMe = json.createObjectNode().put("name", "rememberMe").put("type", "boolean")
                .put("label", "Remember this device");
        if (i.intent == Interaction.Intent.RECOVERY) {
            return form("identify-recovery", "/idp/idx/identify", null, i, identifier);
        }
        return i.app().signOnMode() == SignOnMode.ONE_STEP
                ? form("identify", "/idp/idx/identify", null, i, identifier, passcodeField("Password", true, null), rememberMe)
                : form("identify", "/idp/idx/identify", null, i, identifier, rememberMe);
    }

    /** enroll-profile: the profile enrollment policy's attributes, with a field's error where there is one. */
    private ObjectNode profileForm(Interaction i, Problem problem) {
        ArrayNode fields = json.createArrayNode();
        List<String[]> all = new ArrayList<>(List.of(new String[] {"firstName", "First name", "true"},
                new String[] {"lastName", "Last name", "true"}, new String[] {"email", "Email", "true"}));
        org.profileAttributes().forEach(a -> all.add(new String[] {a.name(), a.label(), String.valueOf(a.required())}));
        for (String[] f : all) {
            ObjectNode field = json.createObjectNode().put("name", f[0]);
            if (all.indexOf(f) > 2) {
                field.put("type", "string");
            }
            field.put("label", f[1]).put("required", Boolean.parseBoolean(f[2]));
            if (f[0].equals("firstName") || f[0].equals("lastName")) {
                field.put("minLength", 1).put("maxLength", 50);
            }
            if (problem != null && problem.fieldLevel() && f[0].equals(problem.field())) {
                ObjectNode m = json.createObjectNode().put("message", problem.message());
                m.set("i18n", json.createObjectNode().put("key", problem.i18nKey()).set("params", json.createArrayNode().add(f[1])));
                m.put("class", "ERROR");
                field.set("messages", wrap("array", json.createArrayNode().add(m)));
            }
            fields.add(field);
        }
        ObjectNode userProfile = json.createObjectNode().put("name", "userProfile");
        userProfile.set("form", json.createObjectNode().set("value", fields));
        return form("enroll-profile", "/idp/idx/enroll/new", null, i, userProfile);
    }

    private ObjectNode passcodeField(String label, boolean secret, Problem problem) {
        ObjectNode passcode = json.createObjectNode().put("name", "passcode").put("label", label);
        if (secret) {
            passcode.put("secret", true);
        }
        if (problem != null && problem.fieldLevel()) {
            ObjectNode m = json.createObjectNode().put("message", problem.message());
            m.set("i18n", json.createObjectNode().put("key", problem.i18nKey()).set("params", json.createArrayNode()));
            m.put("class", "ERROR");
            passcode.set("messages", wrap("array", json.createArrayNode().add(m)));
        }
        ObjectNode credentials = json.createObjectNode().put("name", "credentials").put("type", "object");
        credentials.set("form", json.createObjectNode().set("value", json.createArrayNode().add(passcode)));
        credentials.put("required", true);
        return credentials;
    }

    /**
     * An authenticator (id "aut…") or, with a user, that user's enrollment of it (id "lae…"/"eae…",
     * email masked in profile), optionally with its recover or resend/poll actions.
     */
    private ObjectNode authenticator(AuthenticatorKind k, OrgUser enrollmentOf, Interaction i, boolean withRecover, boolean withResend) {
        ObjectNode a = json.createObjectNode();
        if (enrollmentOf != null && k == AuthenticatorKind.EMAIL) {
            a.set("profile", json.createObjectNode().put("email", mask(enrollmentOf.email())));
        }
        if (withRecover) {
            a.set("recover", form("recover", "/idp/idx/recover", null, i));
        }
        if (withResend) {
            a.set("resend", form("resend", "/idp/idx/challenge/resend", null, i));
            ObjectNode poll = form("poll", "/idp/idx/challenge/poll", null, i);
            ObjectNode ordered = json.createObjectNode();
            poll.fields().forEachRemaining(e -> {
                ordered.set(e.getKey(), e.getValue());
                if (e.getKey().equals("produces")) {
                    ordered.put("refresh", 4000);
                }
            });
            a.set("poll", ordered);
        }
        String id = enrollmentOf != null ? k.enrollmentPrefix() + enrollmentOf.id().substring(3) : org.authenticatorId(k);
        a.put("type", k.type()).put("key", k.key()).put("id", id).put("displayName", k.displayName());
        a.set("methods", json.createArrayNode().add(json.createObjectNode().put("type", k.type())));
        return a;
    }

    private ObjectNode passwordSettings(PasswordPolicy p) {
        ObjectNode complexity = json.createObjectNode().put("minLength", p.minLength()).put("minLowerCase", p.minLowerCase())
                .put("minUpperCase", p.minUpperCase()).put("minNumber", p.minNumber()).put("minSymbol", p.minSymbol())
                .put("excludeUsername", p.excludeUsername());
        complexity.set("excludeAttributes", json.createArrayNode());
        ObjectNode settings = json.createObjectNode();
        settings.set("complexity", complexity);
        settings.set("age", json.createObjectNode().put("minAgeMinutes", 0).put("historyCount", 0));
        return settings;
    }

    private ObjectNode select(String name, String path, String relatesToPrefix, Interaction i, List<AuthenticatorKind> options) {
        ArrayNode opts = json.createArrayNode();
        for (int n = 0; n < options.size(); n++) {
            AuthenticatorKind k = options.get(n);
            ArrayNode values = json.createArrayNode();
            values.add(json.createObjectNode().put("name", "id").put("required", true).put("value", org.authenticatorId(k)).put("mutable", false));
            values.add(json.createObjectNode().put("name", "methodType").put("required", false).put("value", k.type()).put("mutable", false));
            ObjectNode option = json.createObjectNode().put("label", k.displayName());
            option.set("value", json.createObjectNode().set("form", json.createObjectNode().set("value", values)));
            option.put("relatesTo", relatesToPrefix + n + "]");
            opts.add(option);
        }
        ObjectNode authenticator = json.createObjectNode().put("name", "authenticator").put("type", "object");
        authenticator.set("options", opts);
        return form(name, path, null, i, authenticator);
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

    private ObjectNode form(String name, String path, String relatesTo, Interaction i, ObjectNode... fields) {
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
        values.add(json.createObjectNode().put("name", "stateHandle").put("required", true).put("value", i.stateHandle)
                .put("visible", false).put("mutable", false));
        form.set("value", values);
        form.put("accepts", ACCEPTS);
        return form;
    }

    private ObjectNode messages(String message, String i18nKey) {
        ObjectNode m = json.createObjectNode().put("message", message);
        m.set("i18n", json.createObjectNode().put("key", i18nKey));
        m.put("class", "ERROR");
        return wrap("array", json.createArrayNode().add(m));
    }

    private ArrayNode array(List<ObjectNode> nodes) {
        ArrayNode a = json.createArrayNode();
        nodes.forEach(a::add);
        return a;
    }

    private ObjectNode wrap(String type, JsonNode value) {
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
