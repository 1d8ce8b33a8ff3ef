package io.oiefilter.simulator.org;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads an org from its seed JSON (the format the README documents; {@code default-seed.json} is the demo's). */
final class OrgSeed {
    private OrgSeed() {
    }

    static Org read(JsonNode root) {
        Org org = new Org();
        Instant now = Instant.now();
        JsonNode pw = root.path("authenticators").path("password");
        if (!pw.isMissingNode()) {
            PasswordPolicy d = PasswordPolicy.defaults();
            org.passwordPolicy(new PasswordPolicy(pw.path("minLength").asInt(d.minLength()), pw.path("minLowerCase").asInt(d.minLowerCase()),
                    pw.path("minUpperCase").asInt(d.minUpperCase()), pw.path("minNumber").asInt(d.minNumber()),
                    pw.path("minSymbol").asInt(d.minSymbol()), pw.path("excludeUsername").asBoolean(d.excludeUsername()),
                    pw.path("maxAttempts").asInt(d.maxAttempts()), pw.path("excludeCommonPasswords").asBoolean(d.excludeCommonPasswords())));
        }
        org.selfServiceUnlock(pw.path("selfServiceUnlock").asBoolean(true));
        if (pw.path("recoveryAuthenticators").isArray()) { // ["okta_email", "phone_number"]; email alone when not said
            List<AuthenticatorKind> recovery = new ArrayList<>();
            pw.get("recoveryAuthenticators").forEach(k -> recovery.add(AuthenticatorKind.byKeyOrType(k.asText())));
            org.recoveryAuthenticators(recovery);
        }
        for (AuthenticatorKind optional : List.of(AuthenticatorKind.GOOGLE_OTP, AuthenticatorKind.SECURITY_QUESTION,
                AuthenticatorKind.PHONE, AuthenticatorKind.WEBAUTHN, AuthenticatorKind.OKTA_VERIFY)) {
            if (root.path("authenticators").has(optional.key())) {
                org.authenticatorActive(optional, true);
            }
        }
        JsonNode phoneMethods = root.path("authenticators").path(AuthenticatorKind.PHONE.key()).path("methods");
        if (phoneMethods.isArray()) { // {"phone_number": {"methods": ["sms"]}}; both when not said
            List<String> methods = new ArrayList<>();
            phoneMethods.forEach(m -> methods.add(m.asText()));
            org.phoneMethods(methods);
        }
        JsonNode webauthn = root.path("authenticators").path(AuthenticatorKind.WEBAUTHN.key());
        if (webauthn.isObject()) { // {"rpId": "localhost", "origins": ["http://localhost:8080"]}; both optional
            List<String> origins = new ArrayList<>();
            webauthn.path("origins").forEach(o -> origins.add(o.asText()));
            org.webAuthn(new WebAuthnRelyingParty(webauthn.path("rpId").asText(WebAuthnRelyingParty.DEFAULT_RP_ID), origins));
        }
        org.oktaVerifyNumberChallenge(root.path("authenticators").path("okta_verify").path("numberChallenge").asBoolean(false));
        root.path("enrollmentPolicy").fields().forEachRemaining(e ->
                org.enrollmentPolicy(AuthenticatorKind.byKeyOrType(e.getKey()), Requirement.valueOf(e.getValue().asText())));
        root.path("apiTokens").forEach(t -> org.addApiToken(t.asText()));
        root.path("readOnlyApiTokens").forEach(t -> org.addReadOnlyApiToken(t.asText()));
        if (root.has("accessPolicyGrantTypes")) {
            List<String> granted = new ArrayList<>();
            root.get("accessPolicyGrantTypes").forEach(g -> granted.add(g.asText()));
            org.accessPolicyGrantTypes(granted);
        }
        root.path("profileAttributes").forEach(a -> org.addProfileAttribute(new Org.ProfileAttribute(a.path("name").asText(),
                a.path("label").asText(a.path("name").asText()), a.path("required").asBoolean(false))));
        if (root.hasNonNull("activationLink")) {
            org.activationLinkTemplate(root.get("activationLink").asText());
        }
        for (JsonNode t : root.path("trustedOrigins")) { // {"name": "SPA", "origin": "http://localhost:3000", "scopes": ["CORS", "REDIRECT"]}
            java.util.Set<TrustedOrigin.Scope> scopes = java.util.EnumSet.noneOf(TrustedOrigin.Scope.class);
            t.path("scopes").forEach(sc -> scopes.add(TrustedOrigin.Scope.valueOf(sc.asText())));
            org.addTrustedOrigin(t.path("name").asText(null), t.path("origin").asText(),
                    scopes.isEmpty() ? java.util.EnumSet.allOf(TrustedOrigin.Scope.class) : scopes);
        }
        for (JsonNode a : root.path("apps")) {
            boolean registration = a.path("selfServiceRegistration").asBoolean(false);
            List<String> uris = new ArrayList<>();
            a.path("redirectUris").forEach(u -> uris.add(u.asText()));
            List<String> logoutUris = new ArrayList<>();
            a.path("postLogoutRedirectUris").forEach(u -> logoutUris.add(u.asText()));
            org.addApp(new OrgApp(a.path("clientId").asText(), a.hasNonNull("clientSecret") ? a.get("clientSecret").asText() : null,
                    a.path("label").asText(a.path("clientId").asText()), uris, logoutUris, grantTypes(a),
                    SignOnMode.valueOf(a.path("signOnMode").asText("IDENTIFIER_FIRST")),
                    a.path("requireEmailCode").asBoolean(false)));
            org.app(a.path("clientId").asText()).orElseThrow().selfServiceRegistration(registration);
            if (a.has("secondFactors")) {
                List<AuthenticatorKind> second = new ArrayList<>();
                a.get("secondFactors").forEach(k -> second.add(AuthenticatorKind.byKeyOrType(k.asText())));
                org.app(a.path("clientId").asText()).orElseThrow().secondFactors(second);
            }
            if (a.hasNonNull("tokenLifetimeSeconds")) {
                org.app(a.path("clientId").asText()).orElseThrow()
                        .tokenLifetime(java.time.Duration.ofSeconds(a.get("tokenLifetimeSeconds").asLong()));
            }
        }
        for (JsonNode u : root.path("users")) {
            List<String> groups = new ArrayList<>();
            u.path("groups").forEach(g -> groups.add(g.asText()));
            UserStatus status = UserStatus.valueOf(u.path("status").asText("ACTIVE"));
            org.createUser(u.path("login").asText(), u.path("email").asText(u.path("login").asText()),
                    u.path("firstName").asText(""), u.path("lastName").asText(""), groups,
                    u.hasNonNull("password") ? u.get("password").asText() : null, status,
                    u.path("emailEnrolled").asBoolean(status == UserStatus.ACTIVE), now);
            if (u.hasNonNull("googleOtpSecret")) {
                org.userByLogin(u.path("login").asText()).orElseThrow().enrollTotp(u.get("googleOtpSecret").asText(), now);
            }
            if (u.hasNonNull("phoneNumber")) {
                org.userByLogin(u.path("login").asText()).orElseThrow().enrollPhone(u.get("phoneNumber").asText(), now);
            }
            if (u.hasNonNull("oktaVerifySecret")) {
                org.userByLogin(u.path("login").asText()).orElseThrow().oktaVerify().enroll(u.get("oktaVerifySecret").asText(), now);
            }
            JsonNode sq = u.path("securityQuestion");
            if (sq.isObject()) { // {"questionKey": "disliked_food", "answer": "…"}, or "custom" with "question"
                org.userByLogin(u.path("login").asText()).orElseThrow().enrollSecurityQuestion(sq.path("questionKey").asText(),
                        sq.hasNonNull("question") ? sq.get("question").asText() : null, sq.path("answer").asText(), now);
            }
        }
        return org;
    }

    private static List<String> grantTypes(JsonNode app) {
        List<String> out = new ArrayList<>();
        app.path("grantTypes").forEach(g -> out.add(g.asText()));
        return out.isEmpty() ? List.of("authorization_code", "interaction_code", "refresh_token") : out;
    }
}
