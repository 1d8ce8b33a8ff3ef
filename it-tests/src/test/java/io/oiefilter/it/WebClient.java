package io.oiefilter.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that does not follow redirects, so each hop can be checked. */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern STEP = Pattern.compile("name=\"step\" value=\"([^\"]+)\"");

    private final CookieManager cookies;
    private final HttpClient http;
    private final URI base;

    WebClient(URI base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same browser (same cookies) talking to another base URL, e.g. another node of a cluster. */
    WebClient at(URI otherBase) {
        return new WebClient(otherBase, cookies);
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return remember(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private final java.util.List<String> setCookies = new java.util.concurrent.CopyOnWriteArrayList<>();

    private HttpResponse<String> remember(HttpResponse<String> r) {
        setCookies.addAll(r.headers().allValues("Set-Cookie"));
        return r;
    }

    /** Every Set-Cookie header this client was sent, as the server wrote it. */
    java.util.List<String> setCookies() {
        return setCookies;
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return post(path, form, new String[0]);
    }

    /** A form POST with these headers added (name, value, ...), e.g. a script's {@code X-Requested-With}. */
    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return remember(http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * A form sent as a browser sends it: the filter answers every POST with a redirect
     * (post/redirect/get), which is checked, then followed; the page the person sees.
     */
    HttpResponse<String> submit(String path, Map<String, String> form) throws IOException, InterruptedException {
        HttpResponse<String> posted = post(path, form);
        if (posted.statusCode() != 302) {
            throw new AssertionError("POST " + path + " answered " + posted.statusCode() + ", not a redirect:\n" + posted.body());
        }
        return follow(posted);
    }

    /** GETs and follows redirects within this app, returning the last response. */
    HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> r = response;
        for (int hops = 0; hops < 10 && r.statusCode() / 100 == 3; hops++) {
            r = get(r.headers().firstValue("Location").orElseThrow());
        }
        return r;
    }

    /** The cookie jar this browser keeps, shared with {@link RawHttp} so raw requests belong to the same session. */
    CookieManager cookieManager() {
        return cookies;
    }

    /** The app's base URL (ending in a slash). */
    URI base() {
        return base;
    }

    URI resolve(String path) {
        return path.startsWith("http") ? URI.create(path) : base.resolve(path);
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in page:\n" + html);
        }
        return m.group(1);
    }

    /** A form's fields: the page's CSRF token and step id, then the given names and values. */
    static Map<String, String> fields(String html, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("_csrf", csrf(html));
        Matcher step = STEP.matcher(html);
        if (step.find()) {
            m.put("step", step.group(1));
        }
        m.putAll(form(kv));
        return m;
    }

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
