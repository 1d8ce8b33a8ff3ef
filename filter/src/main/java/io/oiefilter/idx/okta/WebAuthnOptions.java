package io.oiefilter.idx.okta;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options a WebAuthn page hands to navigator.credentials, read from Okta's state as the widget reads them.
 * Setting up: currentAuthenticator.contextualData.activationData (rp, user, pubKeyCredParams, challenge,
 * attestation, authenticatorSelection, excludeCredentials), as {"create": {...}}. Verifying: contextualData.challengeData
 * (challenge, userVerification) and, as allowCredentials, the credentialId of each webauthn enrollment in
 * authenticatorEnrollments, as {"get": {...}}. Binary members stay base64url strings (the page decodes them).
 * Only the members named here are kept: Okta's u2fParams, hints and the appid extension are for its own domain
 * (a browser refuses an appid that is not the page's). Bounded: at most 20 credentials, and the whole at most
 * {@value #MAX_CHARS} characters, or there are no options (the page then says it cannot go on).
 */
final class WebAuthnOptions {
    static final int MAX_CHARS = 8192;
    private static final int MAX_CREDENTIALS = 20;
    private static final Set<String> CREATE = Set.of("rp", "user", "pubKeyCredParams", "challenge", "attestation",
            "authenticatorSelection", "excludeCredentials", "timeout");
    private static final Set<String> GET = Set.of("challenge", "userVerification", "timeout");

    private WebAuthnOptions() {
    }

    /** The options, as JSON; null when the current authenticator is not WebAuthn or Okta gave none usable. */
    static String of(Map<String, Object> raw, Map<?, ?> current, Map<?, ?> context) {
        if (current == null || !"webauthn".equals(current.get("key")) || context == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (context.get("activationData") instanceof Map<?, ?> activation && activation.get("challenge") instanceof String) {
            Map<String, Object> create = pick(activation, CREATE);
            if (create.get("excludeCredentials") instanceof List<?> l && l.size() > MAX_CREDENTIALS) {
                create.put("excludeCredentials", l.subList(0, MAX_CREDENTIALS));
            }
            out.put("create", create);
        } else if (context.get("challengeData") instanceof Map<?, ?> challenge && challenge.get("challenge") instanceof String) {
            Map<String, Object> get = pick(challenge, GET);
            get.put("allowCredentials", enrolledCredentials(raw));
            out.put("get", get);
        } else {
            return null;
        }
        String json = JSONObjectUtils.toJSONString(out);
        return json.length() <= MAX_CHARS ? json : null;
    }

    /** Every webauthn enrollment's credential, as an allowCredentials entry. */
    private static List<Map<String, Object>> enrolledCredentials(Map<String, Object> raw) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (raw.get("authenticatorEnrollments") instanceof Map<?, ?> e && e.get("value") instanceof List<?> enrollments) {
            for (Object o : enrollments) {
                if (out.size() < MAX_CREDENTIALS && o instanceof Map<?, ?> m && "webauthn".equals(m.get("key"))
                        && m.get("credentialId") instanceof String id) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("type", "public-key");
                    c.put("id", id);
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static Map<String, Object> pick(Map<?, ?> from, Set<String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        from.forEach((k, v) -> {
            if (names.contains(k)) {
                out.put((String) k, v);
            }
        });
        return out;
    }
}
