package io.oiefilter.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One identifier-first sign-in as a browser makes it, in three steps each timed from the first request to the page
 * it ends on: the protected page (redirected to the sign-in page), the identifier (to the password page), the
 * password (through the filter's redirects back to the protected page). Each step checks the page it reached.
 */
final class SignIn {
    static final String USER = "alice@example.com";
    static final String PASSWORD = "Wonderland-2026!";
    /** What the bench WAR's protected file starts with. */
    static final String PROTECTED = "app/static.txt";
    static final String PROTECTED_TEXT = "A static file";
    static final String[] STEPS = {"page", "identify", "password"};
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern STEP = Pattern.compile("name=\"step\" value=\"([^\"]+)\"");

    private final Browser browser;

    SignIn(HttpClient http, URI app) {
        this.browser = new Browser(http, app);
    }

    Browser browser() {
        return browser;
    }

    /** Runs one step (0, 1 or 2) and returns its wall time in nanoseconds. */
    long step(int n) throws IOException, InterruptedException {
        long start = System.nanoTime();
        switch (n) {
            case 0 -> page = expect(browser.follow(browser.get(PROTECTED)), "name=\"identifier\"", "the sign-in page");
            case 1 -> page = expect(browser.follow(browser.post("oie/identify", form(page, "identifier", USER))),
                    "name=\"passcode\"", "the password page");
            case 2 -> expect(browser.follow(browser.post("oie/answer", form(page, "passcode", PASSWORD))), PROTECTED_TEXT,
                    "the protected page, signed in");
            default -> throw new IllegalArgumentException("no step " + n);
        }
        return System.nanoTime() - start;
    }

    /** The page the last step ended on. */
    private String page;

    /** All three steps: their wall times. */
    long[] run() throws IOException, InterruptedException {
        long[] t = new long[STEPS.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = step(i);
        }
        return t;
    }

    private static String expect(HttpResponse<String> r, String text, String what) throws IOException {
        if (r.statusCode() != 200 || !r.body().contains(text)) {
            String body = r.body().length() > 300 ? r.body().substring(0, 300) + "..." : r.body();
            throw new IOException("expected " + what + ", got " + r.statusCode() + " " + r.uri() + ": " + body.replaceAll("\\s+", " "));
        }
        return r.body();
    }

    private static Map<String, String> form(String page, String name, String value) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IOException("no CSRF field on the page");
        }
        f.put("_csrf", csrf.group(1));
        Matcher step = STEP.matcher(page);
        if (step.find()) {
            f.put("step", step.group(1));
        }
        f.put(name, value);
        return f;
    }
}
