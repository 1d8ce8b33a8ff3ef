package io.oiefilter.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One person's browser on one app: its own cookies (every Set-Cookie followed, JSESSIONIDVERSION included), over an
 * HTTP/1.1 client shared by all browsers of a run (keep-alive connections, as browsers keep them). Redirects are
 * followed by hand, inside the app only.
 */
final class Browser {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows redirects (at most ten) and returns the page the person ends on. */
    HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> r = response;
        for (int hops = 0; hops < 10 && r.statusCode() / 100 == 3; hops++) {
            r = get(r.headers().firstValue("Location").orElseThrow(() -> new IOException("a redirect without Location")));
        }
        return r;
    }

    /** What a browser would send as its Cookie header now. */
    String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(path.startsWith("http") ? URI.create(path) : base.resolve(path)).timeout(TIMEOUT);
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookieHeader());
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : r.headers().allValues("Set-Cookie")) {
            remember(set);
        }
        return r;
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).trim();
        String lower = setCookie.toLowerCase(Locale.ROOT);
        if (lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
            cookies.remove(name);
        } else {
            cookies.put(name, pair.substring(eq + 1).trim());
        }
    }
}
