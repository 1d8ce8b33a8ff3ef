package io.oiefilter.simulator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser without script for the hosted sign-in page: keeps cookies, follows the simulator's own redirects, and
 * submits the page's forms with what their inputs hold (hidden fields, checked radios) plus what the test types.
 * A redirect out of the simulator (to the client's redirect URI) is where it stops.
 */
final class HostedBrowser {
    /** What the browser got: a page of the simulator, or a redirect to the client ({@code location}). */
    record Page(int status, URI uri, String location, Document doc, String body) {
        /** The query parameters of the redirect to the client. */
        Map<String, String> callback() {
            Map<String, String> out = new LinkedHashMap<>();
            String query = URI.create(location).getRawQuery();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
            return out;
        }

        List<String> errors() {
            return doc.select(".error").eachText();
        }

        List<String> forms() {
            return doc.select("form[data-se]").eachAttr("data-se");
        }

        Element form(String name) {
            Element f = doc.selectFirst("form[data-se=" + name + "]");
            if (f == null) {
                throw new AssertionError("no form " + name + " on the page; it has " + forms() + ":\n" + body);
            }
            return f;
        }
    }

    final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Simulator sim;

    HostedBrowser(Simulator sim) {
        this.sim = sim;
    }

    /** GET /v1/authorize with these parameters (as given: a null value leaves the parameter out). */
    Page authorize(Map<String, String> params) throws Exception {
        return get(sim.issuer() + "/v1/authorize?" + query(params));
    }

    Page get(String url) throws Exception {
        return follow(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Submits the named form: its inputs as the page has them, then the given fields over them. */
    Page submit(Page page, String form, Map<String, String> typed) throws Exception {
        Element f = page.form(form);
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : f.select("input")) {
            String type = input.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
                continue;
            }
            values.put(input.attr("name"), input.attr("value"));
        }
        values.putAll(typed);
        return post(f.absUrl("action").isEmpty() ? f.attr("action") : f.absUrl("action"), values);
    }

    Page post(String url, Map<String, String> values) throws Exception {
        return follow(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(values))).build(), HttpResponse.BodyHandlers.ofString()));
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private Page follow(HttpResponse<String> r) throws Exception {
        String location = r.headers().firstValue("Location").orElse(null);
        if (r.statusCode() / 100 == 3 && location != null) {
            if (location.startsWith(sim.baseUri())) {
                return get(location);
            }
            return new Page(r.statusCode(), r.uri(), location, null, r.body());
        }
        return new Page(r.statusCode(), r.uri(), null, Jsoup.parse(r.body(), r.uri().toString()), r.body());
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
