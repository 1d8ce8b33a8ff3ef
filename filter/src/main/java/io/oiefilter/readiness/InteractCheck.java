package io.oiefilter.readiness;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.oiefilter.config.OieConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /v1/interact} with the app's client id, secret and redirect URI, then introspect of the new transaction: what
 * the first sign-in would do, told apart by Okta's answer. The transaction is opened and never used (it expires at
 * Okta); nothing else is left behind, and no counter of the filter sees it.
 */
final class InteractCheck implements ReadinessCheck {
    static final String NAME = "interact";
    static final String APP_GRANT_STEP = "Applications > (this app) > General > Allowed grant types: "
            + "tick Interaction Code";
    static final String POLICY_STEP = "Security > API > Authorization Servers > (server) > Access Policies > "
            + "(rule) > tick Interaction Code";
    private static final String ION = "application/ion+json; okta-version=1.0.0";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OieConfig config;
    private final OktaHttp http;

    InteractCheck(OieConfig config, OktaHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        OktaHttp.Answer a;
        try {
            a = http.post(URI.create(config.issuer() + "/v1/interact"), "application/x-www-form-urlencoded", form(),
                    Map.of("Accept", "application/json"));
        } catch (OktaHttp.Unreachable e) {
            return CheckResult.failed(NAME, e.getMessage() + ": check " + OieConfig.ISSUER);
        }
        Map<String, Object> json = parse(a.body());
        if (a.status() == 200 && json.get("interaction_handle") instanceof String handle && !handle.isEmpty()) {
            return introspect(handle);
        }
        return CheckResult.failed(NAME, refusal(a.status(), json.get("error") instanceof String e ? e : "",
                String.valueOf(json.getOrDefault("error_description", ""))));
    }

    /** A new transaction offers a first step, unless no access policy rule lets this app use the grant. */
    private CheckResult introspect(String handle) {
        URI uri = URI.create(config.issuer().getScheme() + "://" + config.issuer().getRawAuthority() + "/idp/idx/introspect");
        OktaHttp.Answer a;
        try {
            a = http.post(uri, ION, "{\"interactionHandle\":\"" + handle.replaceAll("[^\\w.-]", "") + "\"}", Map.of("Accept", ION));
        } catch (OktaHttp.Unreachable e) {
            return CheckResult.failed(NAME, e.getMessage() + " (introspect): check " + OieConfig.ISSUER);
        }
        if (a.body().contains("idx.error.code.no_matching_policy")) {
            return CheckResult.failed(NAME, "no access policy rule of the authorization server lets this app use the "
                    + "Interaction Code grant (idx.error.code.no_matching_policy): " + POLICY_STEP);
        }
        Map<String, Object> json = parse(a.body());
        if (a.status() == 200 && json.get("remediation") instanceof Map<?, ?>) {
            return CheckResult.ok(NAME, "Okta accepts client id " + config.clientId() + ", its secret and redirect URI "
                    + config.redirectUri() + ", and offers a first sign-in step");
        }
        return CheckResult.failed(NAME, "Okta opened the transaction but offers no first step (introspect: HTTP " + a.status()
                + "): check the app's authentication policy (Security > Authentication Policies) and " + POLICY_STEP);
    }

    /** Okta's refusal of /v1/interact, told apart, with where to fix it. */
    private String refusal(int status, String error, String description) {
        String said = description.toLowerCase(Locale.ROOT);
        String quoted = " (HTTP " + status + (error.isEmpty() ? "" : " " + error) + ")";
        if ("invalid_client".equals(error)) {
            return said.contains("secret")
                    ? "Okta refused the client secret: check " + OieConfig.CLIENT_SECRET + " (Applications > (this app) > "
                            + "General > Client Credentials)" + quoted
                    : "Okta knows no app with this client id: check " + OieConfig.CLIENT_ID + " (Applications > (this app) > "
                            + "General > Client ID)" + quoted;
        }
        if ("unauthorized_client".equals(error)) {
            return "the app does not allow the Interaction Code grant: " + APP_GRANT_STEP + quoted;
        }
        if ("invalid_request".equals(error) && said.contains("redirect_uri")) {
            return "Okta refused the redirect URI " + config.redirectUri() + ": it must be one of the app's Sign-in redirect "
                    + "URIs (Applications > (this app) > General > Login), or fix " + OieConfig.REDIRECT_URI + quoted;
        }
        if ("access_denied".equals(error)) {
            return "the org does not offer the Interaction Code flow: it must be an Identity Engine org with Interaction "
                    + "Code on in Settings > Account > Embedded widget sign-in support" + quoted;
        }
        if ("invalid_scope".equals(error)) {
            return "Okta refused the scopes: check " + OieConfig.SCOPES + quoted;
        }
        if (status == 404) {
            return "no authorization server answers at " + config.issuer() + ": check " + OieConfig.ISSUER + quoted;
        }
        return "Okta refused /v1/interact" + quoted + ": check " + OieConfig.CLIENT_ID + ", " + OieConfig.CLIENT_SECRET
                + " and " + OieConfig.REDIRECT_URI;
    }

    private String form() {
        byte[] v = new byte[32];
        RANDOM.nextBytes(v);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(v);
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("scope", String.join(" ", config.scopes()));
        form.put("redirect_uri", config.redirectUri().toString());
        form.put("state", java.util.UUID.randomUUID().toString());
        form.put("nonce", java.util.UUID.randomUUID().toString());
        form.put("code_challenge", challenge);
        form.put("code_challenge_method", "S256");
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, Object> parse(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (java.text.ParseException | RuntimeException e) {
            return Map.of();
        }
    }
}
