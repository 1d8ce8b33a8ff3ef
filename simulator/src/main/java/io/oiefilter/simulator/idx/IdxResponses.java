package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
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

    private final ObjectMapper json = new ObjectMapper();
    private final String orgBase;
    private final String issuer;
    private final Org org;
    private final IonForms ion;
    private final UnlockResponses unlock;
    private final InProgressForms inProgress;

    public IdxResponses(String orgBase, String issuer, Org org) {
        this.orgBase = orgBase;
        this.issuer = issuer;
        this.org = org;
        this.ion = new IonForms(json, orgBase, org);
        this.unlock = new UnlockResponses(json, ion, org);
        this.inProgress = new InProgressForms(json, ion, org, orgBase);
    }

    /** The transaction's state; with a problem, the refused step's form again plus Okta's message. */
    public ObjectNode state(Interaction i, String expiresAt, Problem problem, List<AuthenticatorKind> enrollable) {
        Offer offer = i.offer;
        if (unlock.renders(offer.kind())) {
            return unlock.state(i, expiresAt, problem);
        }
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
                    remediations.add(ion.form("select-enroll-profile", "/idp/idx/enroll", null, i));
                }
                if (org.selfServiceUnlock() && i.intent == Interaction.Intent.LOGIN) {
                    remediations.add(ion.form("unlock-account", "/idp/idx/unlock-account", null, i));
                }
                if (i.app().signOnMode() == SignOnMode.ONE_STEP && i.intent == Interaction.Intent.LOGIN) {
                    currentKey = "currentAuthenticator";
                    current = inProgress.authenticator(AuthenticatorKind.PASSWORD, null, i, true, false);
                }
            }
            case ENROLL_PROFILE -> {
                remediations.add(profileForm(i, problem));
                remediations.add(ion.form("select-identify", "/idp/idx/identify/select", null, i));
            }
            case CHALLENGE -> {
                InProgressForms.Current c = inProgress.challenge(i, problem, remediations);
                currentKey = c.key();
                current = c.value();
            }
            case SELECT_AUTHENTICATE -> remediations.add(ion.select("select-authenticator-authenticate", "/idp/idx/challenge",
                    "$.authenticatorEnrollments.value[", i, offer.options()));
            case SELECT_ENROLL -> {
                remediations.add(ion.select("select-authenticator-enroll", "/idp/idx/credential/enroll", "$.authenticators.value[",
                        i, offer.options()));
                if (offer.skippable()) {
                    remediations.add(ion.form("skip", "/idp/idx/skip", null, i));
                }
            }
            case ENROLL, RESET, REENROLL -> {
                current = inProgress.enrollment(i, offer.kind(), problem, remediations);
                if (offer.kind() == Offer.Kind.ENROLL) {
                    // Okta lets the user pick another authenticator to enroll instead, or skip an optional one.
                    remediations.add(ion.select("select-authenticator-enroll", "/idp/idx/credential/enroll",
                            "$.authenticators.value[", i, enrollable));
                    if (offer.skippable()) {
                        remediations.add(ion.form("skip", "/idp/idx/skip", null, i));
                    }
                    authenticators = enrollable;
                }
                currentKey = "currentAuthenticator";
                withEnrollmentAuthenticator = offer.kind() != Offer.Kind.REENROLL;
                if (offer.kind() == Offer.Kind.REENROLL) {
                    authenticators = List.of(AuthenticatorKind.PASSWORD);
                }
            }
            case SUCCESS -> authenticators = null;
        }
        if (!remediations.isEmpty()) {
            root.set("remediation", ion.wrap("array", ion.array(remediations)));
        }
        if (problem != null && !problem.fieldLevel()) {
            root.set("messages", problem == OktaVerifySteps.PUSH_REJECTED ? ion.fieldMessages(problem) // recorded with params []
                    : ion.messages(problem.message(), problem.i18nKey()));
        }
        if (current != null) {
            root.set(currentKey, ion.wrap("object", current));
        }
        if (i.user != null && authenticators != null) {
            List<ObjectNode> listed = new ArrayList<>();
            for (AuthenticatorKind k : authenticators) {
                listed.add(inProgress.authenticator(k, null, i, false, false));
            }
            root.set("authenticators", ion.wrap("array", ion.array(listed)));
            root.set("authenticatorEnrollments", ion.wrap("array", ion.array(enrollments(i, offer))));
            if (withEnrollmentAuthenticator) {
                ObjectNode enrolling = inProgress.authenticator(i.current, null, i, false, false);
                if (i.current == AuthenticatorKind.PASSWORD) {
                    enrolling.set("settings", ion.passwordSettings(org.passwordPolicy()));
                }
                root.set("enrollmentAuthenticator", ion.wrap("object", enrolling));
            }
            if ((i.intent == Interaction.Intent.RECOVERY && offer.kind() != Offer.Kind.RESET) || offer.kind() == Offer.Kind.REENROLL) {
                ObjectNode recovery = inProgress.authenticator(AuthenticatorKind.PASSWORD, null, i, false, false);
                if (offer.kind() == Offer.Kind.REENROLL) { // as recorded: settings here, none while recovering
                    recovery.set("settings", ion.passwordSettings(org.passwordPolicy()));
                }
                root.set("recoveryAuthenticator", ion.wrap("object", recovery));
            }
        }
        if (i.user != null) {
            root.set("user", ion.wrap("object", json.createObjectNode().put("id", i.user.id())));
        }
        root.set("cancel", ion.cancel(i));
        root.set("app", ion.app(i));
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
        root.set("messages", ion.messages("You are not allowed to access this app. To request access, contact an admin.",
                "idx.error.code.no_matching_policy"));
        root.set("failure", json.createObjectNode().put("name", "failure-redirect")
                .put("href", orgBase + "/login/error/redirect?stateToken=" + i.stateHandle));
        return root;
    }

    /** The phone's own answers (its rate limit). */
    PhoneForms phone() {
        return inProgress.phone();
    }

    /** A terminal error with no state, e.g. idx.session.expired or tooManyRequests. */
    public ObjectNode terminal(String message, String i18nKey) {
        ObjectNode root = json.createObjectNode().put("version", "1.0.0");
        root.set("messages", ion.messages(message, i18nKey));
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
                if (i.user.enrolled(k) && org.authenticatorActive(k)) {
                    kinds.add(k);
                }
            }
        }
        for (AuthenticatorKind k : kinds) {
            inProgress.addEnrollments(k, i, out);
        }
        return out;
    }

    private ObjectNode identifyForm(Interaction i) {
        ObjectNode identifier = json.createObjectNode().put("name", "identifier").put("label", "Username");
        ObjectNode rememberMe = json.createObjectNode().put("name", "rememberMe").put("type", "boolean")
                .put("label", "Remember this device");
        if (i.intent == Interaction.Intent.RECOVERY) {
            return ion.form("identify-recovery", "/idp/idx/identify", null, i, identifier);
        }
        return i.app().signOnMode() == SignOnMode.ONE_STEP
                ? ion.form("identify", "/idp/idx/identify", null, i, identifier, ion.passcodeField("Password", true, null), rememberMe)
                : ion.form("identify", "/idp/idx/identify", null, i, identifier, rememberMe);
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
                field.set("messages", ion.fieldMessages(problem, f[1]));
            }
            fields.add(field);
        }
        ObjectNode userProfile = json.createObjectNode().put("name", "userProfile");
        userProfile.set("form", json.createObjectNode().set("value", fields));
        return ion.form("enroll-profile", "/idp/idx/enroll/new", null, i, userProfile);
    }

    /**
     * An authenticator (id "aut…") or, with a user, that user's enrollment of it (id "lae…"/"eae…",
     * email masked in profile), optionally with its recover or resend/poll actions.
     */
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

}
