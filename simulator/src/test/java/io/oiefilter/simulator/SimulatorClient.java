package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Drives the simulator over real HTTP the way Okta's clients do. */
final class SimulatorClient {
    static final String ION = "application/ion+json; okta-version=1.0.0";
    static final String CLIENT_ID = "0oa-demo-web-app";
    static final String SECRET = "demo-client-secret-not-for-production";
    static final String REDIRECT = "http://localhost:8080/sample/authorization-code/callback";
    static final String VERIFIER = "test-verifier-0123456789-0123456789-0123456789";

    final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Simulator sim;

    SimulatorClient(Simulator sim) {
        this.sim = sim;
    }

    record Answer(int status, String contentType, JsonNode body) {
    }

    Answer form(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer ion(String url, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", ION).header("Accept", ION)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), json.readTree(r.body()));
    }

    String interact() throws Exception {
        Answer a = interact(Map.of());
        if (a.status() != 200) {
            throw new AssertionError("interact: " + a);
        }
        return a.body().get("interaction_handle").asText();
    }

    /** Interact as the confidential demo app, with extra parameters such as activation_token. */
    Answer interact(Map<String, String> extra) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("client_id", CLIENT_ID, "client_secret", SECRET,
                "scope", "openid profile email", "redirect_uri", REDIRECT, "state", "s1", "nonce", "n-123",
                "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256"));
        form.putAll(extra);
        return form(sim.issuer() + "/v1/interact", form);
    }

    Answer idx(String endpoint, String stateHandle, String fields) throws Exception {
        return ion(sim.baseUri() + "/idp/idx/" + endpoint, "{" + (fields.isEmpty() ? "" : fields + ",")
                + "\"stateHandle\":\"" + stateHandle + "\"}");
    }

    Answer select(String endpoint, JsonNode state, String methodType) throws Exception {
        return idx(endpoint, state.get("stateHandle").asText(), "\"authenticator\":{\"id\":\""
                + optionId(state, methodType) + "\",\"methodType\":\"" + methodType + "\"}");
    }

    /** The authenticator id a select-authenticator-* remediation offers for a method type. */
    static String optionId(JsonNode state, String methodType) {
        for (JsonNode r : state.path("remediation").path("value")) {
            for (JsonNode f : r.path("value")) {
                for (JsonNode o : f.path("options")) {
                    String id = null;
                    String type = null;
                    for (JsonNode v : o.path("value").path("form").path("value")) {
                        if ("id".equals(v.path("name").asText())) id = v.path("value").asText();
                        if ("methodType".equals(v.path("name").asText())) type = v.path("value").asText();
                    }
                    if (methodType.equals(type)) {
                        return id;
                    }
                }
            }
        }
        throw new AssertionError("no " + methodType + " option in " + state);
    }

    static java.util.List<String> remediationNames(JsonNode state) {
        java.util.List<String> names = new java.util.ArrayList<>();
        state.path("remediation").path("value").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    /** The code in the newest email to that address. */
    String latestCode(String address) {
        return sim.outbox().latest(address).orElseThrow(() -> new AssertionError("no email to " + address)).code();
    }

    Answer introspect(String interactionHandle) throws Exception {
        return ion(sim.baseUri() + "/idp/idx/introspect", "{\"interactionHandle\":\"" + interactionHandle + "\"}");
    }

    Answer identify(String stateHandle, String identifier, String password) throws Exception {
        String credentials = password == null ? "" : ",\"credentials\":{\"passcode\":\"" + password + "\"}";
        return ion(sim.baseUri() + "/idp/idx/identify", "{\"identifier\":\"" + identifier + "\",\"rememberMe\":false"
                + credentials + ",\"stateHandle\":\"" + stateHandle + "\"}");
    }

    Answer answer(String stateHandle, String passcode) throws Exception {
        return ion(sim.baseUri() + "/idp/idx/challenge/answer", "{\"credentials\":{\"passcode\":\"" + passcode
                + "\"},\"stateHandle\":\"" + stateHandle + "\"}");
    }

    Answer token(String interactionCode, String verifier, String secret) throws Exception {
        return form(sim.issuer() + "/v1/token", Map.of("grant_type", "interaction_code", "client_id", CLIENT_ID,
                "client_secret", secret, "interaction_code", interactionCode, "code_verifier", verifier));
    }

    static String interactionCode(JsonNode success) {
        for (JsonNode f : success.path("successWithInteractionCode").path("value")) {
            if ("interaction_code".equals(f.path("name").asText())) {
                return f.path("value").asText();
            }
        }
        throw new AssertionError("no interaction code in " + success);
    }

    static String challenge(String verifier) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    }
}
