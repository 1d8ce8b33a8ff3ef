package io.oiefilter.idx.okta;

import com.okta.idx.sdk.api.util.PkceUtil;
import io.oiefilter.config.OieConfig;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a /v1/interact sends: the client's credentials, PKCE, a state and a nonce of our own, and an
 * activation token when there is one (in the POST body only: never in a URL or a log).
 */
record InteractRequest(String verifier, String challenge, String state, String nonce, Map<String, String> form) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static InteractRequest of(OieConfig config, String activationToken) {
        String verifier = PkceUtil.generateCodeVerifier();
        String challenge;
        try {
            challenge = PkceUtil.generateCodeChallenge(verifier);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String state = UUID.randomUUID().toString();
        String nonce = randomToken();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("scope", String.join(" ", config.scopes()));
        form.put("redirect_uri", config.redirectUri().toString());
        form.put("state", state);
        form.put("nonce", nonce);
        form.put("code_challenge", challenge);
        form.put("code_challenge_method", PkceUtil.CODE_CHALLENGE_METHOD);
        if (activationToken != null) {
            form.put("activation_token", activationToken);
        }
        return new InteractRequest(verifier, challenge, state, nonce, Map.copyOf(form));
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String toString() {
        return "InteractRequest{state=" + state + "}"; // the form holds the client secret
    }
}
