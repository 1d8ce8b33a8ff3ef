package io.oiefilter.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The checks' own HTTP calls to the org: not the sign-in's pool, throttles or metrics, so a check never takes a
 * person's slot nor counts against any limit of the filter. Answers are read up to a bound; requests are never logged
 * (a form or header may hold the client secret or the API token).
 */
final class OktaHttp {
    private static final int MAX_BODY_BYTES = 256 * 1024;

    record Answer(int status, String body) {
    }

    /** Okta could not be reached at all: the message names the address and the exception's class, no body. */
    static final class Unreachable extends Exception {
        Unreachable(URI uri, Exception cause) {
            super("cannot reach " + uri.getScheme() + "://" + uri.getRawAuthority() + " (" + cause.getClass().getSimpleName() + ")");
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    OktaHttp(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Answer get(URI uri, Map<String, String> headers) throws Unreachable {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        headers.forEach(b::header);
        return send(uri, b.build());
    }

    Answer post(URI uri, String contentType, String body, Map<String, String> headers) throws Unreachable {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(uri, b.build());
    }

    private Answer send(URI uri, HttpRequest request) throws Unreachable {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Answer(response.statusCode(), new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreachable(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(uri, e);
        }
    }
}
