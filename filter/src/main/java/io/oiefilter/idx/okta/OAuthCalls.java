package io.oiefilter.idx.okta;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.oiefilter.config.OieConfig;
import io.oiefilter.i18n.OktaLanguage;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxException.Kind;
import io.oiefilter.idx.IdxMessage;
import io.oiefilter.idx.TokenSet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OAuth calls the port makes itself, because okta-idx-java 2.0.0 cannot: {@code /v1/interact}
 * with the client secret, a nonce and an activation token, and the refresh-token grant. Answers are
 * read up to a bound, and a 429 says how long Okta wants us to wait. {@code /v1/interact} begins a
 * sign-in, so it takes one of the sign-ins' slots ({@link DeadlinePool#runHere}); a refresh does not:
 * a busy sign-in page must never end the session of someone signed in already.
 */
final class OAuthCalls {
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final OieConfig config;
    private final HttpClient http;
    private final Clock clock;
    private final DeadlinePool slots;

    OAuthCalls(OieConfig config, Clock clock, DeadlinePool slots) {
        this.config = config;
        this.clock = clock;
        this.slots = slots;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.httpTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POST /v1/interact; the interaction handle. */
    String interact(Map<String, String> form) throws IdxException {
        Answer a = slots.runHere("interact", left -> post("interact", "/v1/interact", form, left));
        if (a.status() == 200 && a.json().get("interaction_handle") instanceof String handle && !handle.isEmpty()) {
            return handle;
        }
        // invalid_request with a token is a bad activation token; invalid_client or a refused redirect URI
        // is a misconfigured app, not a user error.
        boolean badToken = a.status() == 400 && "invalid_request".equals(a.error()) && form.containsKey("activation_token");
        throw a.failure("interact", badToken ? Kind.REJECTED : Kind.UNAVAILABLE, config);
    }

    /** The refresh-token grant, with client authentication. */
    TokenSet refresh(String refreshToken) throws IdxException {
        Answer a = post("token", "/v1/token", Map.of(
                "grant_type", "refresh_token",
                "refresh_token", refreshToken,
                "scope", String.join(" ", config.scopes()),
                "client_id", config.clientId(),
                "client_secret", config.clientSecret()), config.httpTimeout());
        if (a.status() == 200 && a.json().get("access_token") instanceof String access) {
            Object expires = a.json().get("expires_in");
            return new TokenSet(a.json().get("id_token") instanceof String id ? id : null, access,
                    a.json().get("refresh_token") instanceof String next ? next : refreshToken,
                    expires instanceof Number n ? n.longValue() : 0,
                    a.json().get("scope") instanceof String scope ? scope : null);
        }
        // invalid_grant: the refresh token is expired, revoked or unknown; the person signs in again.
        throw a.failure("token (refresh)", a.status() == 400 && "invalid_grant".equals(a.error()) ? Kind.REJECTED : Kind.UNAVAILABLE,
                config);
    }

    private record Answer(int status, Map<String, Object> json, String rateLimitReset, Clock clock) implements DeadlinePool.Answered {
        @Override
        public boolean refused() {
            return status >= 400;
        }

        String error() {
            return String.valueOf(json.get("error"));
        }

        IdxException failure(String name, Kind otherwise, OieConfig config) {
            String description = String.valueOf(json.getOrDefault("error_description",
                    json.getOrDefault("errorDescription", json.get("errorSummary"))));
            Kind kind = status == 429 ? Kind.RATE_LIMITED : otherwise;
            String refused = name + " refused: HTTP " + status + " " + error() + ": " + description;
            String fix = fix(config, status, error(), description);
            return new IdxException(kind, status, fix == null ? refused : fix + " (" + refused + ")",
                    List.of(new IdxMessage(description, null, "ERROR")), null, null,
                    RateLimitReset.secondsUntil(rateLimitReset, clock));
        }
    }

    /**
     * What a misconfiguration Okta answered means and where to fix it, or null for an answer that is not one.
     * Okta's words for each are in the simulator's OAuthResource and in the README's troubleshooting table.
     */
    private static String fix(OieConfig config, int status, String error, String description) {
        String said = description.toLowerCase(java.util.Locale.ROOT);
        if ("invalid_client".equals(error)) {
            if (said.contains("secret")) {
                return "Okta refused the client secret: check " + OieConfig.CLIENT_SECRET + " (the app's client secret in Okta)";
            }
            if (said.contains("client_id")) {
                return "Okta knows no app with this client id: check " + OieConfig.CLIENT_ID + " (the app's Client ID in Okta)";
            }
            return "Okta refused the client credentials: check " + OieConfig.CLIENT_ID + " and " + OieConfig.CLIENT_SECRET;
        }
        if ("unauthorized_client".equals(error) && said.contains("grant type")) {
            return "the Okta app does not allow the Interaction Code grant: tick Interaction Code under Grant type in the app's "
                    + "General Settings";
        }
        if ("invalid_request".equals(error) && said.contains("redirect_uri")) {
            return "Okta refused the redirect URI: " + OieConfig.REDIRECT_URI + " (" + config.redirectUri()
                    + ") must be one of the app's Sign-in redirect URIs in Okta";
        }
        if ("access_denied".equals(error) && said.contains("feature is not enabled")) {
            return "the org does not offer the Interaction Code flow: it must be an Identity Engine org with Interaction code "
                    + "ticked in Settings > Account > Embedded widget sign-in support";
        }
        if ("invalid_scope".equals(error)) {
            return "Okta refused the scopes: check " + OieConfig.SCOPES + " against the authorization server's scopes";
        }
        if (status == 404) {
            return notFound(config);
        }
        return null;
    }

    private static String notFound(OieConfig config) {
        return "no authorization server answers at " + config.issuer() + ": check " + OieConfig.ISSUER
                + " (e.g. https://your-org.okta.com/oauth2/default, the Issuer URI of the authorization server)";
    }

    private Answer post(String name, String path, Map<String, String> form, Duration timeout) throws IdxException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.issuer() + path))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        String language = OktaLanguage.header();
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<InputStream> response;
        byte[] raw;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                raw = ExchangeRecorder.readBounded(in, MAX_BODY_BYTES);
            }
        } catch (IOException e) {
            throw new IdxException(Kind.UNAVAILABLE, 0, "cannot reach Okta at " + config.issuer() + ": check "
                    + OieConfig.ISSUER + " and that this server can reach that host (DNS, proxy, firewall) (" + name + ": " + e + ")",
                    List.of(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdxException(Kind.UNAVAILABLE, 0, name + " interrupted", List.of(), null, e);
        }
        String reset = response.headers().firstValue("X-Rate-Limit-Reset").orElse(null);
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(new String(raw, StandardCharsets.UTF_8));
        } catch (java.text.ParseException | RuntimeException e) {
            if (response.statusCode() == 429) {
                return new Answer(429, Map.of(), reset, clock);
            }
            if (response.statusCode() == 404) {
                throw new IdxException(Kind.UNAVAILABLE, 404, notFound(config) + " (" + name + ": HTTP 404)", List.of(), null, e);
            }
            throw new IdxException(Kind.UNAVAILABLE, response.statusCode(), name + ": unreadable answer (HTTP "
                    + response.statusCode() + ")", List.of(), null, e);
        }
        return new Answer(response.statusCode(), json, reset, clock);
    }
}
