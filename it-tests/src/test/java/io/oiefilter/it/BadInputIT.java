package io.oiefilter.it;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Several hundred generated bad requests (seeded, so every run sends the same ones) to every
 * endpoint of the filter, each in one browser session that has a sign-in in progress at a chosen
 * page. Whatever comes in, the answer is never a 5xx, never shows a stack trace or a class name,
 * never reflects markup unescaped, never redirects off the app's origin, and the same browser can
 * still sign in normally afterwards.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {
    private static final long SEED = 0x0_1E_F1_17E5L;
    private static final String THROWAWAY_PASSWORD = "Bad-Input-2026!";
    /** The line a CR/LF in a login would forge in the server log. */
    private static final String FORGED_LOG = "[INFO] oie-filter: alice@example.com signed in";
    private static final Duration SOFT_DEADLINE = Duration.ofSeconds(140);
    private static final Pattern STEP = Pattern.compile("name=\"step\" value=\"([^\"]*)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern ESCAPED_MARKER = Pattern.compile("&lt;oie-xss|&lt;script&gt;oiexss|&#0?39; onmouseover=&#0?39;oiexss"
            + "|&#0?34; onmouseover=&#0?34;oiexss|&quot; onmouseover=&quot;oiexss");

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Every request of this test comes from 127.0.0.1: the per-address throttles are raised so that bad
        // sign-up and activation input keeps reaching the flow and Okta instead of stopping at the throttle page.
        return SampleDeployment.war("oie.signUp.maxPerAddress=100000,oie.activation.maxStartsPerAddress=100000", null, null);
    }

    @ArquillianResource
    URL deployed;

    enum Family { OVERSIZED, ENCODING, METHOD_AND_CONTENT_TYPE, CSRF, STEP, XSS, CRLF, OPEN_REDIRECT }

    /** The page a session must be on before a request is sent. */
    enum At { SIGN_IN, PASSWORD, ACTIVATION, SIGN_UP, OTHER }

    /** What a request must get besides the checks every answer gets. */
    enum Expect {
        /** Nothing more. */
        ANY,
        /** No valid CSRF token came: refused (400, 403 or 413), never acted on. */
        REFUSED,
        /** A method the endpoint does not take: some 4xx. */
        CLIENT_ERROR
    }

    /** The page the session is on: what a generator may use (its CSRF token and step id). */
    record Page(At at, String html, String csrf, String step) {
    }

    record Case(Family family, String label, At at, Expect expect, Function<Page, RawHttp.Request> request) {
    }

    record Violation(String kind, String where, String request, int status, String detail) {
        @Override
        public String toString() {
            return "[" + kind + "] " + where + "\n      request:  " + request + "\n      status:   " + status
                    + "\n      response: " + detail;
        }
    }

    private final Random random = new Random(SEED);
    private final List<Violation> violations = new ArrayList<>();
    private final Map<Family, Integer> byFamily = new EnumMap<>(Family.class);
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<Family, Map<Integer, Integer>> familyStatus = new EnumMap<>(Family.class);
    /** Answers that showed a marker escaped: the payloads did reach pages (the checks are not vacuous). */
    private int escapedReflections;
    private final Set<String> seenSteps = new LinkedHashSet<>();
    /** Things seen that are not violations of this test's rules but belong in its report. */
    private final Map<String, Integer> notes = new TreeMap<>();
    private int marker;
    private int navigation;
    private int skipped;
    private int aliceSignIns;
    private int aliceChecks;
    private int userSeq;
    private OrgUser throwaway;
    private WebClient web;
    private URI base;
    private String ctx;
    private String foreignCsrf;
    private String foreignStep;
    private Instant started;

    private static Simulator sim() {
        return SimulatorExtension.simulator();
    }

    private static OrgApp app() {
        return sim().org().app(SampleDeployment.CLIENT_ID).orElseThrow();
    }

    @Test
    void badInputNeverBreaksTheFilter() throws Exception {
        app().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        app().requireEmailCode(false);
        app().selfServiceRegistration(true);
        base = SampleDeployment.base(deployed);
        ctx = base.getPath().substring(0, base.getPath().length() - 1); // "/sample"
        web = new WebClient(base);
        WebClient other = new WebClient(base); // another browser: its token and step are "foreign"
        String otherPage = other.follow(other.get("app/")).body();
        foreignCsrf = group(CSRF, otherPage);
        foreignStep = group(STEP, otherPage);

        PayaraConsole tap = PayaraConsole.tap(line -> line.contains("oie-filter") || line.contains("signed in"));
        started = Instant.now();
        try {
            web.follow(web.get("app/")); // a sign-in in progress
            for (Family family : Family.values()) {
                if (family == Family.OPEN_REDIRECT) {
                    openRedirects();
                } else {
                    for (Case c : generate(family)) {
                        if (pastDeadline()) {
                            skipped++;
                            continue;
                        }
                        run(c);
                    }
                }
                aliceChecks++;
                if (aliceSignsIn("after " + family)) {
                    aliceSignIns++;
                }
            }
            aliceChecks++;
            if (aliceSignsIn("at the very end")) {
                aliceSignIns++;
            }
            Thread.sleep(1000); // let the container's console reader pass the last log lines on
        } finally {
            tap.close();
        }
        int forgedLines = checkLog(tap);
        report(tap, forgedLines);
    }

    // ---------------------------------------------------------------- running

    private void run(Case c) {
        Page page = ensure(c.at());
        if (page == null) {
            skipped++;
            return;
        }
        RawHttp.Request request = c.request().apply(page);
        RawHttp.Response r = RawHttp.send(web, request);
        count(c.family(), r);
        check(c.family() + " " + c.label() + " (at " + c.at() + ")", request.describe(), r, c.expect());
    }

    private void count(Family family, RawHttp.Response r) {
        byFamily.merge(family, 1, Integer::sum);
        byStatus.merge(r.status(), 1, Integer::sum);
        familyStatus.computeIfAbsent(family, f -> new TreeMap<>()).merge(r.status(), 1, Integer::sum);
        if (ESCAPED_MARKER.matcher(r.body()).find()) {
            escapedReflections++;
        }
    }

    private int total() {
        return byFamily.values().stream().mapToInt(Integer::intValue).sum();
    }

    private boolean pastDeadline() {
        return Duration.between(started, Instant.now()).compareTo(SOFT_DEADLINE) > 0;
    }

    /** The checks every answer gets, plus the case's own expectation. */
    private void check(String where, String request, RawHttp.Response r, Expect expect) {
        if (!r.answered()) {
            violation("no-answer", where, request, r.status(), r.failure() + " " + RawHttp.printable(r.body(), 200));
            return;
        }
        int s = r.status();
        String body = r.body();
        if (s >= 500) {
            violation("5xx", where, request, s, ResponseChecks.summary(body) + " | " + RawHttp.printable(body, 300));
        }
        ResponseChecks.internals(body).ifPresent(d -> violation("stack-trace-or-class-name", where, request, s, d));
        ResponseChecks.markup(body).ifPresent(d -> violation("unescaped-markup", where, request, s, d));
        ResponseChecks.injectedHeaders(r.headers()).forEach(d -> violation("header-injection", where, request, s, d));
        for (String location : r.headers().getOrDefault("location", List.of())) {
            ResponseChecks.unsafeLocation(location, base, List.of(sim().issuer() + "/v1/logout?"))
                    .ifPresent(d -> violation("unsafe-location", where, request, s, d + ": " + RawHttp.printable(location, 200)));
        }
        if (expect == Expect.REFUSED && s < 500 && s != 400 && s != 403 && s != 413) {
            violation("invalid-csrf-not-refused", where, request, s, ResponseChecks.summary(body)
                    + r.header("Location").map(l -> " -> " + l).orElse(""));
        }
        if (expect == Expect.CLIENT_ERROR && s < 400) {
            violation("wrong-method-not-refused", where, request, s, ResponseChecks.summary(body)
                    + r.header("Location").map(l -> " -> " + l).orElse(""));
        }
    }

    private void check(String where, String request, HttpResponse<String> r) {
        navigation++;
        if (ESCAPED_MARKER.matcher(r.body()).find()) {
            escapedReflections++;
        }
        check(where, request, new RawHttp.Response(r.statusCode(), "", ResponseChecks.headers(r), r.body(), null), Expect.ANY);
    }

    private void violation(String kind, String where, String request, int status, String detail) {
        violations.add(new Violation(kind, where, request, status, detail));
    }

    // ---------------------------------------------------------------- getting the session to a page

    private HttpResponse<String> nav(String what, HttpResponse<String> r) {
        check("navigation: " + what, what, r);
        return r;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return nav("GET " + path, web.get(path));
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return nav("POST " + path, web.post(path, form));
    }

    /** GETs and follows redirects within the app, checking each answer. */
    private HttpResponse<String> follow(HttpResponse<String> r) throws Exception {
        HttpResponse<String> current = r;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            if (ResponseChecks.unsafeLocation(location, base, List.of()).isPresent()) {
                return current; // already reported; never followed
            }
            current = get(location);
        }
        return current;
    }

    static At classify(String html) {
        if (html.contains("<title>Enter your password</title>")) {
            return At.PASSWORD;
        }
        if (html.contains("id=\"oie-activation-text\"")) {
            return At.ACTIVATION;
        }
        if (html.contains("<title>Create your account</title>")) {
            return At.SIGN_UP;
        }
        if (html.contains("<title>Sign in</title>") && html.contains("id=\"oie-identify\"")) {
            return At.SIGN_IN;
        }
        return At.OTHER;
    }

    private Page page(String html) {
        String step = group(STEP, html);
        if (step != null && !step.isEmpty()) {
            seenSteps.add(step);
        }
        return new Page(classify(html), html, group(CSRF, html), step);
    }

    private static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** Brings the session to a page of that kind (signing out, starting over, identifying as needed); null if it cannot. */
    private Page ensure(At wanted) {
        At target = wanted == At.OTHER ? At.SIGN_IN : wanted;
        List<String> trace = new ArrayList<>();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                HttpResponse<String> r = get("oie/sign-in");
                trace.add("GET sign-in " + r.statusCode() + " " + ResponseChecks.summary(r.body()));
                if (r.statusCode() == 302) {
                    signOut(); // signed in: sign out first
                    continue;
                }
                Page p = page(r.body());
                boolean usable = p.at() == target && p.csrf() != null
                        && (target != At.PASSWORD || (throwaway != null && throwaway.status() == UserStatus.ACTIVE));
                if (usable) {
                    return p;
                }
                if (p.at() != At.SIGN_IN) {
                    if (p.csrf() == null) {
                        continue; // an error page: the next GET starts a new sign-in
                    }
                    HttpResponse<String> restarted = follow(post("oie/restart", WebClient.form("_csrf", p.csrf())));
                    trace.add("restart " + restarted.statusCode() + " " + ResponseChecks.summary(restarted.body()));
                    Page before = p;
                    p = page(restarted.body());
                    if (p.at() != At.SIGN_IN) {
                        // "Start over" did not start over (seen on the sign-up form): end the session instead.
                        notes.merge("\"start over\" on a " + before.at() + " page stayed on a " + p.at() + " page", 1, Integer::sum);
                        if (p.csrf() != null) {
                            post("oie/logout", WebClient.form("_csrf", p.csrf()));
                        }
                        continue;
                    }
                }
                if (target == At.SIGN_IN) {
                    return p;
                }
                HttpResponse<String> next = switch (target) {
                    case PASSWORD -> post("oie/identify", fields(p.html(), "identifier", newThrowaway().login()));
                    case ACTIVATION -> post("oie/identify", fields(p.html(), "identifier", "it.bad.nobody." + (++userSeq) + "@example.com"));
                    default -> post("oie/sign-up", fields(p.html()));
                };
                HttpResponse<String> after = follow(next);
                trace.add("to " + target + ": " + next.statusCode() + " then " + after.statusCode() + " " + ResponseChecks.summary(after.body()));
                Page reached = page(after.body());
                if (reached.at() == target && reached.csrf() != null) {
                    return reached;
                }
            }
            violation("navigation", "could not bring the session to " + wanted, String.join(" | ", trace), 0, cookies());
        } catch (Exception e) {
            violation("navigation", "could not bring the session to " + wanted, String.join(" | ", trace), 0, e + " " + cookies());
        }
        return null;
    }

    private String cookies() {
        return "cookies: " + web.cookieManager().getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue().substring(0, Math.min(8, c.getValue().length())) + ";path=" + c.getPath())
                .collect(Collectors.joining(", "));
    }

    private OrgUser newThrowaway() {
        String login = "it.bad." + (++userSeq) + "@example.com";
        throwaway = sim().org().createUser(login, login, "Bad", "Input" + userSeq, List.of(), THROWAWAY_PASSWORD,
                UserStatus.ACTIVE, true, Instant.now());
        return throwaway;
    }

    private void signOut() throws Exception {
        HttpResponse<String> home = get("app/");
        String csrf = home.statusCode() == 200 ? group(CSRF, home.body()) : null;
        if (csrf != null) {
            post("oie/logout", WebClient.form("_csrf", csrf));
        }
    }

    /** A normal identifier-first sign-in of alice in the same browser; true when she lands signed in. */
    private boolean aliceSignsIn(String when) {
        String where = "alice signs in " + when;
        try {
            HttpResponse<String> landed = signInAlice(where);
            if (landed == null) {
                return false;
            }
            follow(landed);
            HttpResponse<String> home = get("app/");
            if (home.statusCode() != 200 || !home.body().contains("Hello, Alice Liddell")) {
                violation("sign-in-broken", where, "GET app/", home.statusCode(), ResponseChecks.summary(home.body()));
                return false;
            }
            signOut();
            return true;
        } catch (Exception e) {
            violation("sign-in-broken", where, "", 0, e.toString());
            return false;
        }
    }

    /** Sign-in page, identify, password: the answer to the password (a redirect), or null after reporting why not. */
    private HttpResponse<String> signInAlice(String where) throws Exception {
        Page p = ensure(At.SIGN_IN);
        if (p == null) {
            violation("sign-in-broken", where, "GET oie/sign-in", 0, "no sign-in page");
            return null;
        }
        HttpResponse<String> password = follow(post("oie/identify", fields(p.html(), "identifier", ALICE)));
        if (classify(password.body()) != At.PASSWORD) {
            violation("sign-in-broken", where, "POST oie/identify " + ALICE, password.statusCode(), ResponseChecks.summary(password.body()));
            return null;
        }
        HttpResponse<String> answered = post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        if (answered.statusCode() != 302) {
            violation("sign-in-broken", where, "POST oie/answer", answered.statusCode(), ResponseChecks.summary(answered.body()));
            return null;
        }
        return answered;
    }

    // ---------------------------------------------------------------- generators

    private List<Case> generate(Family family) {
        return switch (family) {
            case OVERSIZED -> oversized();
            case ENCODING -> encodings();
            case METHOD_AND_CONTENT_TYPE -> methodsAndContentTypes();
            case CSRF -> csrf();
            case STEP -> steps();
            case XSS -> xss();
            case CRLF -> crlf();
            case OPEN_REDIRECT -> List.of();
        };
    }

    /** A user-typed field: where it is posted, with what else a browser would send alongside. */
    record Field(String name, At at, String endpoint, String... companions) {
        String label() {
            return name + "@" + endpoint;
        }
    }

    private List<Field> fieldsAll() {
        return List.of(
                new Field("identifier", At.SIGN_IN, "identify"),
                new Field("password", At.SIGN_IN, "identify", "identifier", "nobody@bad.example"),
                new Field("password", At.PASSWORD, "new-password"), // confirmPassword gets the same value
                new Field("passcode", At.PASSWORD, "answer"),
                new Field("passcode", At.ACTIVATION, "answer"),
                new Field("firstName", At.SIGN_UP, "register", "lastName", "Input", "email", "@"),
                new Field("lastName", At.SIGN_UP, "register", "firstName", "Bad", "email", "@"),
                new Field("email", At.SIGN_UP, "register", "firstName", "Bad", "lastName", "Input"),
                new Field("department", At.SIGN_UP, "register", "firstName", "Bad", "lastName", "Input", "email", "@"),
                new Field("authenticator", At.PASSWORD, "select"),
                new Field("step", At.SIGN_IN, "identify", "identifier", "nobody@bad.example"),
                new Field("_csrf", At.SIGN_IN, "identify", "identifier", "nobody@bad.example"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The page's token and step (unless the field replaces one of them), the companions, then the field = raw (already encoded) value. */
    private String body(Page p, Field f, String rawEncodedValue) {
        StringBuilder b = new StringBuilder();
        if (!f.name().equals("_csrf")) {
            b.append("_csrf=").append(enc(p.csrf()));
        }
        if (!f.name().equals("step")) {
            b.append(b.length() > 0 ? "&" : "").append("step=").append(enc(p.step() == null ? "" : p.step()));
        }
        for (int i = 0; i < f.companions().length; i += 2) {
            String v = f.companions()[i + 1].equals("@") ? "it.bad.signup." + (++userSeq) + "@bad.example" : f.companions()[i + 1];
            b.append('&').append(f.companions()[i]).append('=').append(enc(v));
        }
        b.append('&').append(f.name()).append('=').append(rawEncodedValue);
        if (f.endpoint().equals("new-password") && f.name().equals("password")) {
            b.append("&confirmPassword=").append(rawEncodedValue);
        }
        return b.toString();
    }

    private String oie(String endpoint) {
        return ctx + "/oie/" + endpoint;
    }

    private RawHttp.Request postForm(String endpoint, String body) {
        return RawHttp.Request.of("POST", oie(endpoint)).form(body);
    }

    private Case fieldCase(Family family, String label, Field f, Expect expect, Function<Page, String> encodedValue) {
        Expect e = f.name().equals("_csrf") ? Expect.REFUSED : expect;
        return new Case(family, label + " " + f.label(), f.at(), e, p -> postForm(f.endpoint(), body(p, f, encodedValue.apply(p))));
    }

    private String blob(int chars) {
        int alphabet = random.nextInt(3);
        StringBuilder sb = new StringBuilder(chars);
        String[] unicode = {"é", "ß", "日", "本", "😀", "Ω", "ж", "ü"};
        while (sb.length() < chars) {
            switch (alphabet) {
                case 0 -> sb.append((char) ('a' + random.nextInt(26)));
                case 1 -> sb.append(unicode[random.nextInt(unicode.length)]);
                default -> sb.append((char) (0x21 + random.nextInt(0x5e)));
            }
        }
        return sb.toString();
    }

    private List<Case> oversized() {
        List<Case> out = new ArrayList<>();
        int[] sizes = {1024, 8 * 1024, 64 * 1024, 200 * 1024};
        for (Field f : fieldsAll()) {
            for (int size : sizes) {
                out.add(fieldCase(Family.OVERSIZED, size / 1024 + "KB", f, Expect.ANY, p -> enc(blob(size))));
            }
            for (int size : new int[] {8 * 1024, 200 * 1024}) { // and without a CSRF token
                out.add(new Case(Family.OVERSIZED, size / 1024 + "KB without CSRF " + f.label(), f.at(), Expect.REFUSED,
                        p -> postForm(f.endpoint(), body(p, f, enc(blob(size))).replaceFirst("^_csrf=[^&]*&?", ""))));
            }
        }
        // A whole body over Payara's default POST limit (2 MB), with the token first, last, or not at all.
        String three = "a".repeat(3 * 1024 * 1024);
        for (Field f : List.of(fieldsAll().get(0), fieldsAll().get(3), fieldsAll().get(4), fieldsAll().get(5))) {
            out.add(new Case(Family.OVERSIZED, "3MB body, token first " + f.label(), f.at(), Expect.ANY,
                    p -> postForm(f.endpoint(), body(p, f, three))));
            out.add(new Case(Family.OVERSIZED, "3MB body, token last " + f.label(), f.at(), Expect.ANY,
                    p -> postForm(f.endpoint(), "filler=" + three + "&" + body(p, f, "x"))));
            out.add(new Case(Family.OVERSIZED, "3MB body without CSRF " + f.label(), f.at(), Expect.REFUSED,
                    p -> postForm(f.endpoint(), "step=" + enc(p.step()) + "&" + f.name() + "=" + three)));
        }
        out.add(new Case(Family.OVERSIZED, "3MB body logout", At.SIGN_IN, Expect.ANY,
                p -> postForm("logout", "_csrf=" + enc(p.csrf()) + "&filler=" + three)));
        out.add(new Case(Family.OVERSIZED, "3MB body logout without CSRF", At.SIGN_IN, Expect.REFUSED,
                p -> postForm("logout", "filler=" + three)));
        // Many parameters.
        for (int count : new int[] {5_000, 20_000}) {
            out.add(new Case(Family.OVERSIZED, count + " parameters", At.SIGN_IN, Expect.ANY, p -> {
                StringBuilder b = new StringBuilder("_csrf=" + enc(p.csrf()) + "&step=" + enc(p.step()));
                for (int i = 0; i < count; i++) {
                    b.append("&p").append(i).append("=1");
                }
                return postForm("identify", b.append("&identifier=many%40bad.example").toString());
            }));
        }
        // Oversized query strings on the GET endpoints.
        for (int size : new int[] {1024, 8 * 1024, 64 * 1024, 200 * 1024}) {
            out.add(new Case(Family.OVERSIZED, size / 1024 + "KB activation token", At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of("GET", oie("activate?token=" + enc(blob(size))))));
        }
        out.add(new Case(Family.OVERSIZED, "64KB query on sign-in", At.SIGN_IN, Expect.ANY,
                p -> RawHttp.Request.of("GET", oie("sign-in?identifier=" + enc(blob(64 * 1024))))));
        out.add(new Case(Family.OVERSIZED, "32KB header on identify", At.SIGN_IN, Expect.ANY,
                p -> postForm("identify", body(p, fieldsAll().get(0), "x")).header("X-Big", blob(32 * 1024).replaceAll("[^a-z]", "a"))));
        return out;
    }

    private static final List<String> BAD_ESCAPES = List.of("%zz", "%E0%A4%A", "%", "a%", "%%", "%0", "%G1", "%u0041", "%E0%A4", "%C3",
            "%FF%FE%FD", "%80", "%C0%AF", "%E0%80%AF", "%C0%80", "%F0%80%80%AF", "%ED%A0%80", "%ED%BF%BF", "%F4%90%80%80",
            "%F8%88%80%80%80", "%00", "a%00b", "%01%02%1F", "%7F", "%1B%5B31m", "%EF%BB%BF", "%EF%BF%BE", "%25zz%");

    private List<Case> encodings() {
        List<Case> out = new ArrayList<>();
        List<Field> targets = List.of(fieldsAll().get(0), fieldsAll().get(3), fieldsAll().get(4), fieldsAll().get(5),
                fieldsAll().get(9), fieldsAll().get(10), fieldsAll().get(11), fieldsAll().get(2), fieldsAll().get(7));
        for (int i = 0; i < BAD_ESCAPES.size(); i++) {
            String bad = BAD_ESCAPES.get(i);
            Field f = targets.get(i % targets.size());
            out.add(fieldCase(Family.ENCODING, "value " + bad, f, Expect.ANY, p -> bad));
        }
        for (int i = 0; i < 10; i++) { // as parameter names, and the token after them
            String bad = BAD_ESCAPES.get(random.nextInt(BAD_ESCAPES.size()));
            out.add(new Case(Family.ENCODING, "name " + bad, At.SIGN_IN, Expect.ANY,
                    p -> postForm("identify", bad + "=1&identifier=enc%40bad.example&_csrf=" + enc(p.csrf()) + "&step=" + enc(p.step()))));
        }
        // Raw bytes in a value, not percent-encoded at all.
        byte[][] raws = {{(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC3, 0x28}, {(byte) 0x80}, {0x00}, {0x01, 0x02, 0x1F, 0x7F},
                {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}};
        for (byte[] raw : raws) {
            for (Field f : List.of(fieldsAll().get(0), fieldsAll().get(5))) {
                out.add(new Case(Family.ENCODING, "raw bytes " + hex(raw) + " " + f.label(), f.at(), Expect.ANY, p -> {
                    byte[] head = body(p, f, "x").getBytes(StandardCharsets.ISO_8859_1);
                    byte[] b = new byte[head.length + raw.length * 2];
                    System.arraycopy(head, 0, b, 0, head.length);
                    System.arraycopy(raw, 0, b, head.length, raw.length);
                    System.arraycopy(raw, 0, b, head.length + raw.length, raw.length);
                    return RawHttp.Request.of("POST", oie(f.endpoint())).header("Content-Type", "application/x-www-form-urlencoded").body(b);
                }));
            }
        }
        // Whole bodies that are no form at all.
        for (String garbage : List.of("%%%%", "=&=&=", "&&&", "=", "_csrf", "&_csrf=&step=&&", "\u0000\u0000\u0000")) {
            out.add(new Case(Family.ENCODING, "body " + RawHttp.printable(garbage, 20), At.SIGN_IN, Expect.REFUSED,
                    p -> postForm("identify", garbage)));
        }
        out.add(new Case(Family.ENCODING, "1KB random binary body", At.SIGN_IN, Expect.REFUSED, p -> {
            byte[] b = new byte[1024];
            random.nextBytes(b);
            return RawHttp.Request.of("POST", oie("identify")).header("Content-Type", "application/x-www-form-urlencoded").body(b);
        }));
        // In the URL: query strings and paths.
        for (int i = 0; i < 8; i++) {
            String bad = BAD_ESCAPES.get((i * 3) % BAD_ESCAPES.size());
            out.add(new Case(Family.ENCODING, "query on sign-in " + bad, At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of("GET", oie("sign-in?x=" + bad + "&y=1"))));
            out.add(new Case(Family.ENCODING, "activation token " + bad, At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of("GET", oie("activate?token=" + bad))));
        }
        for (String path : List.of("oie/%zz", "oie/%", "oie/%C0%AFidentify", "oie/ident%ify", "oie/%E0%A4%A", "app/%zz", "app/%C0%AE%C0%AE/",
                "app/%E0%A4%A", "app/%00", "oie/\u00ff\u00fe", "app/\u00c3\u0028", "oie/sign-in%00", "api/me%zz")) {
            out.add(new Case(Family.ENCODING, "path " + RawHttp.printable(path, 30), At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of("GET", ctx + "/" + path).header("Accept", "text/html")));
        }
        out.add(new Case(Family.ENCODING, "POST identify%00", At.SIGN_IN, Expect.ANY,
                p -> postForm("identify%00", body(p, fieldsAll().get(0), "a"))));
        out.add(new Case(Family.ENCODING, "POST identify%2F", At.SIGN_IN, Expect.ANY,
                p -> postForm("identify%2F", body(p, fieldsAll().get(0), "a"))));
        // Charsets.
        for (String type : List.of("application/x-www-form-urlencoded; charset=no-such-charset",
                "application/x-www-form-urlencoded; charset=UTF-16", "application/x-www-form-urlencoded; charset=",
                "application/x-www-form-urlencoded; charset=\"utf-8", "application/x-www-form-urlencoded; charset=UTF-32BE",
                "application/x-www-form-urlencoded; charset=x-IBM1047")) {
            out.add(new Case(Family.ENCODING, "Content-Type " + type, At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of("POST", oie("identify")).header("Content-Type", type)
                            .body(body(p, fieldsAll().get(0), "charset%40bad.example"))));
        }
        return out;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x & 0xff));
        }
        return sb.toString();
    }

    private static final List<String> POST_ENDPOINTS = List.of("identify", "answer", "new-password", "select", "resend", "skip",
            "forgot-password", "restart", "logout", "sign-up", "register");

    /** The page on which a browser would post to this endpoint. */
    private static At pageFor(String endpoint) {
        return switch (endpoint) {
            case "answer", "new-password", "select", "skip", "forgot-password", "restart" -> At.PASSWORD;
            case "resend" -> At.ACTIVATION;
            case "register" -> At.SIGN_UP;
            default -> At.SIGN_IN;
        };
    }

    /** The fields a browser would send to this endpoint besides the token and the step. */
    private static String naturalFields(String endpoint) {
        return switch (endpoint) {
            case "identify" -> "identifier=nobody%40bad.example";
            case "answer" -> "passcode=000000";
            case "new-password" -> "password=Wrong-2026x&confirmPassword=Wrong-2026x";
            case "select" -> "authenticator=aut-no-such";
            case "register" -> "firstName=Bad&lastName=Input&email=it.bad.reg%40bad.example";
            default -> "";
        };
    }

    private String validBody(Page p, String endpoint) {
        String nat = naturalFields(endpoint);
        return "_csrf=" + enc(p.csrf()) + "&step=" + enc(p.step() == null ? "" : p.step()) + (nat.isEmpty() ? "" : "&" + nat);
    }

    private List<Case> methodsAndContentTypes() {
        List<Case> out = new ArrayList<>();
        for (String e : POST_ENDPOINTS) {
            out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "GET " + e, pageFor(e), Expect.CLIENT_ERROR,
                    p -> RawHttp.Request.of("GET", oie(e) + "?" + validBody(p, e))));
            for (String m : List.of("PUT", "DELETE", "PATCH")) {
                out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, m + " " + e, pageFor(e), Expect.CLIENT_ERROR,
                        p -> RawHttp.Request.of(m, oie(e)).form(validBody(p, e))));
            }
        }
        for (String g : List.of("sign-in", "activate?token=abc")) {
            for (String m : List.of("POST", "PUT", "DELETE", "PATCH")) {
                out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, m + " " + g, At.SIGN_IN, Expect.CLIENT_ERROR,
                        p -> RawHttp.Request.of(m, oie(g)).form(validBody(p, "sign-in"))));
            }
        }
        for (String[] mp : new String[][] {{"HEAD", "sign-in"}, {"HEAD", "identify"}, {"OPTIONS", "identify"}, {"OPTIONS", "sign-in"},
                {"TRACE", "identify"}, {"TRACE", "sign-in"}, {"FOO", "identify"}, {"get", "sign-in"}, {"post", "identify"}}) {
            out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, mp[0] + " " + mp[1], At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of(mp[0], oie(mp[1])).header("X-Trace-Me", "oie")));
        }
        // Content types.
        for (String e : List.of("identify", "answer", "register")) {
            At at = pageFor(e);
            out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "JSON body " + e, at, Expect.REFUSED,
                    p -> RawHttp.Request.of("POST", oie(e)).header("Content-Type", "application/json")
                            .body("{\"_csrf\":\"" + p.csrf() + "\",\"step\":\"" + p.step() + "\",\"identifier\":\"json@bad.example\"}")));
            out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "multipart without boundary " + e, at, Expect.ANY,
                    p -> RawHttp.Request.of("POST", oie(e)).header("Content-Type", "multipart/form-data").body(validBody(p, e))));
            out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "text/plain " + e, at, Expect.ANY,
                    p -> RawHttp.Request.of("POST", oie(e)).header("Content-Type", "text/plain").body(validBody(p, e))));
            out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "empty form body " + e, at, Expect.REFUSED,
                    p -> RawHttp.Request.of("POST", oie(e)).form("")));
        }
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "multipart with parts", At.SIGN_IN, Expect.ANY, p -> {
            String b = "----oieBoundary";
            String body = "--" + b + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + p.csrf() + "\r\n"
                    + "--" + b + "\r\nContent-Disposition: form-data; name=\"step\"\r\n\r\n" + p.step() + "\r\n"
                    + "--" + b + "\r\nContent-Disposition: form-data; name=\"identifier\"\r\n\r\nmulti@bad.example\r\n--" + b + "--\r\n";
            return RawHttp.Request.of("POST", oie("identify")).header("Content-Type", "multipart/form-data; boundary=" + b).body(body);
        }));
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "multipart, broken parts", At.SIGN_IN, Expect.ANY,
                p -> RawHttp.Request.of("POST", oie("identify")).header("Content-Type", "multipart/form-data; boundary=zz")
                        .body("--zz\r\nContent-Disposition: form-data; name=\"_csrf\r\n\r\n--z")));
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "no Content-Type", At.SIGN_IN, Expect.ANY,
                p -> RawHttp.Request.of("POST", oie("identify")).body(validBody(p, "identify"))));
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "no body at all", At.SIGN_IN, Expect.REFUSED,
                p -> RawHttp.Request.of("POST", oie("identify")).header("Content-Type", "application/x-www-form-urlencoded")));
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "Content-Length 0 with a body", At.SIGN_IN, Expect.REFUSED,
                p -> RawHttp.Request.of("POST", oie("identify")).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Content-Length", "0").body(validBody(p, "identify")).withoutContentLength()));
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "garbage Content-Type", At.SIGN_IN, Expect.ANY,
                p -> RawHttp.Request.of("POST", oie("identify")).header("Content-Type", "application/x-www-form-urlencoded;;;=;charset")
                        .body(validBody(p, "identify"))));
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "two Content-Types", At.SIGN_IN, Expect.ANY,
                p -> RawHttp.Request.of("POST", oie("identify")).header("Content-Type", "text/plain")
                        .header("Content-Type", "application/x-www-form-urlencoded").body(validBody(p, "identify"))));
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "chunked form", At.SIGN_IN, Expect.ANY, p -> {
            String form = validBody(p, "identify");
            String chunked = Integer.toHexString(form.length()) + "\r\n" + form + "\r\n0\r\n\r\n";
            return RawHttp.Request.of("POST", oie("identify")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Transfer-Encoding", "chunked").body(chunked).withoutContentLength();
        }));
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "broken chunking", At.SIGN_IN, Expect.ANY,
                p -> RawHttp.Request.of("POST", oie("identify")).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Transfer-Encoding", "chunked").body("zz\r\n_csrf=\r\n0\r\n\r\n").withoutContentLength()));
        for (String lang : List.of("xx-XXXXXXXXXXXXXXXXXXXXXXXXXXXXX;q=abc, ***, ;;;", "en;q=2.5, de;q=-1, *;q=NaN",
                "\u00ff\u00fe-\u0001", "en-US-x-" + "a".repeat(300))) {
            out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "Accept-Language " + RawHttp.printable(lang, 20), At.SIGN_IN, Expect.ANY,
                    p -> postForm("identify", validBody(p, "identify")).header("Accept-Language", lang)));
        }
        out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, "identify asking for JSON", At.SIGN_IN, Expect.ANY,
                p -> postForm("identify", validBody(p, "identify")).header("Accept", "application/json")
                        .header("X-Requested-With", "XMLHttpRequest")));
        // Paths around the filter's own.
        for (String[] mp : new String[][] {{"GET", "oie/whatever"}, {"POST", "oie/whatever"}, {"GET", "oie/"}, {"GET", "oie"},
                {"POST", "oie/identify/extra"}, {"POST", "oie//identify"}, {"POST", "oie/./identify"}, {"POST", "oie/IDENTIFY"},
                {"POST", "oie/%69dentify"}, {"POST", "oie/identify;jsessionid=abc"}, {"POST", "oie/identify;x=y"},
                {"GET", "oie/sign-in/../identify"}, {"GET", "oie/..;/app/"}, {"POST", "oie/logout/"}, {"GET", "oie/activate/"}}) {
            out.add(new Case(Family.METHOD_AND_CONTENT_TYPE, mp[0] + " " + mp[1], At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of(mp[0], ctx + "/" + mp[1]).form(validBody(p, "identify"))));
        }
        return out;
    }

    enum CsrfVariant { MISSING, EMPTY, FOREIGN, PREFIX, EXTENDED, WHITESPACE, CASE, DUPLICATE_WRONG_FIRST, DUPLICATE_RIGHT_FIRST, QUERY_ONLY }

    private List<Case> csrf() {
        List<Case> out = new ArrayList<>();
        for (String e : POST_ENDPOINTS) {
            for (CsrfVariant v : CsrfVariant.values()) {
                Expect expect = switch (v) {
                    case DUPLICATE_WRONG_FIRST, DUPLICATE_RIGHT_FIRST, QUERY_ONLY -> Expect.ANY;
                    default -> Expect.REFUSED;
                };
                out.add(new Case(Family.CSRF, v + " " + e, pageFor(e), expect, p -> {
                    String right = p.csrf();
                    String rest = "step=" + enc(p.step() == null ? "" : p.step()) + (naturalFields(e).isEmpty() ? "" : "&" + naturalFields(e));
                    String body = switch (v) {
                        case MISSING, QUERY_ONLY -> rest;
                        case EMPTY -> "_csrf=&" + rest;
                        case FOREIGN -> "_csrf=" + enc(foreignCsrf) + "&" + rest;
                        case PREFIX -> "_csrf=" + enc(right.substring(0, right.length() / 2)) + "&" + rest;
                        case EXTENDED -> "_csrf=" + enc(right + "A") + "&" + rest;
                        case WHITESPACE -> "_csrf=" + enc(" " + right) + "&" + rest;
                        case CASE -> "_csrf=" + enc(swapCase(right)) + "&" + rest;
                        case DUPLICATE_WRONG_FIRST -> "_csrf=" + enc(foreignCsrf) + "&_csrf=" + enc(right) + "&" + rest;
                        case DUPLICATE_RIGHT_FIRST -> "_csrf=" + enc(right) + "&_csrf=" + enc(foreignCsrf) + "&" + rest;
                    };
                    String target = v == CsrfVariant.QUERY_ONLY ? oie(e) + "?_csrf=" + enc(right) : oie(e);
                    return RawHttp.Request.of("POST", target).form(body);
                }));
            }
        }
        return out;
    }

    private static String swapCase(String s) {
        StringBuilder sb = new StringBuilder();
        boolean changed = false;
        for (char c : s.toCharArray()) {
            if (!changed && Character.isLetter(c)) {
                sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                changed = true;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    enum StepVariant { MISSING, EMPTY, STALE, FORGED, LONG, MARKUP, FOREIGN, UPPER, TRAILING_SPACE }

    private static String naturalEndpoint(At at) {
        return switch (at) {
            case PASSWORD, ACTIVATION -> "answer";
            case SIGN_UP -> "register";
            default -> "identify";
        };
    }

    private List<Case> steps() {
        List<Case> out = new ArrayList<>();
        for (At at : List.of(At.SIGN_IN, At.PASSWORD, At.ACTIVATION, At.SIGN_UP)) {
            String e = naturalEndpoint(at);
            for (StepVariant v : StepVariant.values()) {
                out.add(new Case(Family.STEP, v + " step to " + e, at, Expect.ANY, p -> {
                    String step = switch (v) {
                        case MISSING -> null;
                        case EMPTY -> "";
                        case STALE -> seenSteps.stream().filter(s -> !s.equals(p.step())).reduce((a, b) -> b).orElse("0000000000000000");
                        case FORGED -> String.format("%016x", random.nextLong());
                        case LONG -> String.format("%016x", random.nextLong()).repeat(4);
                        case MARKUP -> "\"><b>step";
                        case FOREIGN -> foreignStep;
                        case UPPER -> p.step().toUpperCase(Locale.ROOT);
                        case TRAILING_SPACE -> p.step() + " ";
                    };
                    String body = "_csrf=" + enc(p.csrf()) + (step == null ? "" : "&step=" + enc(step)) + "&" + naturalFields(e);
                    return postForm(e, body);
                }));
            }
        }
        Map<At, List<String>> notOffered = new LinkedHashMap<>();
        notOffered.put(At.SIGN_IN, List.of("answer", "new-password", "select", "resend", "skip", "forgot-password", "register"));
        notOffered.put(At.PASSWORD, List.of("identify", "select", "resend", "skip", "register", "sign-up"));
        notOffered.put(At.ACTIVATION, List.of("identify", "select", "skip", "new-password", "forgot-password", "register", "sign-up"));
        notOffered.put(At.SIGN_UP, List.of("identify", "answer", "select", "resend", "skip", "new-password", "forgot-password", "sign-up"));
        notOffered.forEach((at, endpoints) -> {
            for (String e : endpoints) {
                out.add(new Case(Family.STEP, e + " with the step of a " + at + " page", at, Expect.ANY, p -> postForm(e, validBody(p, e))));
            }
        });
        return out;
    }

    private List<Function<Integer, String>> xssPayloads() {
        return List.of(
                n -> "<oie-xss-" + n + ">",
                n -> "\"><script>oiexss(" + n + ")</script>",
                n -> "' onmouseover='oiexss(" + n + ")",
                n -> "\" onmouseover=\"oiexss(" + n + ")",
                n -> "javascript:oiexss(" + n + ")",
                n -> "</title><oie-xss-" + n + ">",
                n -> "<img src=x onerror=oiexss(" + n + ")>",
                n -> "<svg/onload=oiexss(" + n + ")>",
                n -> "%3Coie-xss-" + n + "%3E",
                n -> "<oie-xss-" + n + ">@x.example");
    }

    private List<Case> xss() {
        List<Case> out = new ArrayList<>();
        List<Function<Integer, String>> payloads = xssPayloads();
        List<Field> fields = new ArrayList<>(fieldsAll());
        fields.remove(1); // the one-step password field is ignored in identifier-first; its page is covered by identifier
        for (Field f : fields) {
            for (Function<Integer, String> payload : payloads) {
                int n = ++marker;
                String value = payload.apply(n);
                out.add(fieldCase(Family.XSS, RawHttp.printable(value, 40), f, Expect.ANY, p -> enc(value)));
            }
        }
        for (int i = 0; i < 4; i++) {
            String v = payloads.get(i).apply(++marker);
            out.add(new Case(Family.XSS, "sign-in query " + v, At.SIGN_IN, Expect.ANY, p -> RawHttp.Request.of("GET",
                    oie("sign-in?identifier=" + enc(v) + "&step=" + enc(v) + "&error=" + enc(v) + "&_csrf=" + enc(v)))));
            String w = payloads.get(i + 1).apply(++marker);
            out.add(new Case(Family.XSS, "activation token " + w, At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of("GET", oie("activate?token=" + enc(w)))));
        }
        for (int i = 0; i < 3; i++) {
            String v = payloads.get(i).apply(++marker);
            out.add(new Case(Family.XSS, "in the path " + v, At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of("GET", oie(enc(v).replace("+", "%20")))));
            String w = payloads.get(i + 5).apply(++marker);
            out.add(new Case(Family.XSS, "in a POST path " + w, At.SIGN_IN, Expect.ANY,
                    p -> postForm(enc(w).replace("+", "%20"), validBody(p, "identify"))));
        }
        String referer = payloads.get(1).apply(++marker);
        out.add(new Case(Family.XSS, "Referer", At.SIGN_IN, Expect.ANY,
                p -> RawHttp.Request.of("GET", oie("sign-in")).header("Referer", "http://x/" + referer)));
        String lang = payloads.get(0).apply(++marker);
        out.add(new Case(Family.XSS, "Accept-Language", At.SIGN_IN, Expect.ANY,
                p -> postForm("identify", validBody(p, "identify")).header("Accept-Language", lang)));
        return out;
    }

    private List<Case> crlf() {
        List<Case> out = new ArrayList<>();
        List<Function<Integer, String>> payloads = List.of(
                n -> "x\r\nX-Oie-Injected: crlf-" + n,
                n -> "x\rX-Oie-Injected: crlf-" + n,
                n -> "x\nX-Oie-Injected: crlf-" + n,
                n -> "x%0d%0aX-Oie-Injected: crlf-" + n,
                n -> "x\u2028X-Oie-Injected: crlf-" + n,
                n -> "x\u2029X-Oie-Injected: crlf-" + n,
                n -> "x\u0085X-Oie-Injected: crlf-" + n,
                n -> "x\r\nSet-Cookie: oieinjected=" + n,
                n -> "x\r\n\r\n<oie-xss-" + n + ">",
                n -> "x\u000b\u000cX-Oie-Injected: crlf-" + n,
                n -> "x\u560a\u560dX-Oie-Injected: crlf-" + n);
        // Log forging through the login: sent four times each, so that the per-login activation throttle logs it too.
        for (String forged : List.of("eve\r\n" + FORGED_LOG, "eve@example.com\r\n" + FORGED_LOG, "eve\n" + FORGED_LOG + "\n@example.com",
                "eve@example.com\u2028" + FORGED_LOG)) {
            for (int i = 0; i < 4; i++) {
                out.add(fieldCase(Family.CRLF, "log line " + RawHttp.printable(forged, 30), fieldsAll().get(0), Expect.ANY, p -> enc(forged)));
            }
        }
        for (Function<Integer, String> payload : payloads) {
            int n = ++marker;
            out.add(fieldCase(Family.CRLF, RawHttp.printable(payload.apply(n), 30), fieldsAll().get(0), Expect.ANY, p -> enc(payload.apply(n))));
        }
        List<Field> others = new ArrayList<>(fieldsAll().subList(2, fieldsAll().size()));
        for (Field f : others) {
            for (int k = 0; k < 5; k++) {
                Function<Integer, String> payload = payloads.get(random.nextInt(payloads.size()));
                int n = ++marker;
                String v = payload.apply(n);
                out.add(fieldCase(Family.CRLF, RawHttp.printable(v, 30), f, Expect.ANY, p -> enc(v)));
            }
        }
        for (String q : List.of("activate?token=x%0d%0aX-Oie-Injected:%20crlf", "activate?token=x%0aLocation:%20https://evil.example",
                "activate?token=%E5%98%8A%E5%98%8DX-Oie-Injected:%20crlf", "sign-in?next=%0d%0aX-Oie-Injected:%20crlf",
                "x%0d%0aX-Oie-Injected:%20crlf", "sign-in%0d%0aX-Oie-Injected:%20crlf")) {
            out.add(new Case(Family.CRLF, "URL " + q, At.SIGN_IN, Expect.ANY, p -> RawHttp.Request.of("GET", oie(q))));
        }
        for (String path : List.of("app/%0d%0aX-Oie-Injected:%20crlf", "app/?q=%0d%0aSet-Cookie:%20oieinjected=1",
                "app/%E5%98%8A%E5%98%8DX-Oie-Injected:%20crlf", "api/me?x=%0d%0aX-Oie-Injected:%20crlf")) {
            out.add(new Case(Family.CRLF, "protected " + path, At.SIGN_IN, Expect.ANY,
                    p -> RawHttp.Request.of("GET", ctx + "/" + path).header("Accept", "text/html")));
        }
        return out;
    }

    // ---------------------------------------------------------------- open redirects

    private List<String> redirectTricks() {
        int a = ++marker;
        int b = ++marker;
        return List.of(
                "//evil.example/", "/app//evil.example/", "/app/\\evil.example", "/\\evil.example/app/", "/app/%2F%2Fevil.example",
                "/app/%5Cevil.example", "/app/%5C%5Cevil.example", "/app/..//..//evil.example", "/app/../..//evil.example",
                "/app/%2e%2e/%2e%2e//evil.example", "/app/?next=//evil.example", "/app/?next=https://evil.example",
                "/app/https://evil.example", "/app/https:/evil.example", "/app/%09/evil.example", "/app/%09%0a/evil.example",
                "/app/%0a/evil.example", "/app/%0d%0aLocation:%20https://evil.example", "/app/%E2%80%A8//evil.example",
                "/api/me?x=//evil.example", "/api//evil.example", "/app/;//evil.example", "/app/%00//evil.example",
                "/app/@evil.example", "/app/%40evil.example", "/app/details.jsp?tab=%3Coie-xss-" + a + "%3E",
                "/app/details.jsp?tab=%22%3E%3Cscript%3Eoiexss(" + b + ")%3C/script%3E", "/app/\\\\evil.example",
                "/app/.%2e/.%2e//evil.example", "/app/%252F%252Fevil.example", "/api/me/..//..//evil.example",
                "/app/%E5%98%8A%E5%98%8Dlocation:%20https://evil.example", "/app/\u00ff//evil.example", "/app/details.jsp?tab=%0d%0a");
    }

    private void openRedirects() {
        for (String trick : redirectTricks()) {
            if (pastDeadline()) {
                skipped++;
                continue;
            }
            String where = "OPEN_REDIRECT " + RawHttp.printable(trick, 60);
            Page p = ensure(At.SIGN_IN);
            if (p == null) {
                skipped++;
                continue;
            }
            String target = ctx + trick;
            RawHttp.Request plant = RawHttp.Request.of("GET", target).header("Accept", "text/html,application/xhtml+xml");
            RawHttp.Response planted = RawHttp.send(web, plant);
            count(Family.OPEN_REDIRECT, planted);
            check(where + " (plant)", plant.describe(), planted, Expect.ANY);
            try {
                HttpResponse<String> answered = signInAlice(where + " (sign in after the plant)");
                if (answered == null) {
                    continue;
                }
                String location = answered.headers().firstValue("Location").orElse("");
                Optional<String> unsafe = ResponseChecks.unsafeLocation(location, base, List.of());
                if (unsafe.isEmpty() && !location.isEmpty()) {
                    // Land where the filter sends her: the page must not reflect the planted markup either.
                    String path = location.startsWith("/") ? location : location.replaceFirst("^[a-zA-Z]+://[^/]*", "");
                    RawHttp.Request land = RawHttp.Request.of("GET", path.isEmpty() ? "/" : path);
                    RawHttp.Response landed = RawHttp.send(web, land);
                    count(Family.OPEN_REDIRECT, landed);
                    check(where + " (landing after sign-in)", land.describe(), landed, Expect.ANY);
                }
                signOut();
            } catch (Exception e) {
                violation("sign-in-broken", where, plant.describe(), 0, e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- the server log

    /** Counts lines that a login with CR/LF forged (they start like a log record of their own). */
    private int checkLog(PayaraConsole tap) {
        int forged = 0;
        for (String line : tap.lines()) {
            for (String part : line.split("[\r\n\u2028\u2029\u0085]")) {
                if (part.strip().startsWith(FORGED_LOG)) {
                    forged++;
                    violation("log-forging", "server log", "identifier with CR/LF", 0, RawHttp.printable(line, 200));
                }
            }
        }
        return forged;
    }

    // ---------------------------------------------------------------- report

    private void report(PayaraConsole tap, int forgedLines) {
        Map<String, Long> byKind = violations.stream().collect(Collectors.groupingBy(Violation::kind, TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder("\n==== BadInputIT ====\n");
        out.append("generated requests: ").append(total()).append(" (plus ").append(navigation)
                .append(" ordinary requests to reach pages and sign in); skipped: ").append(skipped)
                .append("; time: ").append(Duration.between(started, Instant.now()).toSeconds()).append(" s\n");
        out.append("by family: ").append(byFamily).append('\n');
        out.append("by status: ").append(byStatus).append('\n');
        familyStatus.forEach((f, m) -> out.append("  ").append(f).append(": ").append(m).append('\n'));
        out.append("answers showing a marker escaped: ").append(escapedReflections).append('\n');
        out.append("alice signed in after ").append(aliceSignIns).append(" of ").append(aliceChecks).append(" families (and at the end)\n");
        boolean logVisible = tap.lines().stream().anyMatch(l -> l.contains("oie-filter:"));
        out.append("server log: ").append(logVisible ? tap.lines().size() + " oie-filter lines seen, " + forgedLines + " forged"
                : "not visible to this test (log forging not checked)").append('\n');
        notes.forEach((k, n) -> out.append("note: ").append(n).append(" × ").append(k).append('\n'));
        out.append("violations by kind: ").append(byKind.isEmpty() ? "none" : byKind).append('\n');
        Map<String, Long> byWhere = violations.stream().collect(Collectors.groupingBy(BadInputIT::group, TreeMap::new,
                Collectors.counting()));
        byWhere.forEach((k, n) -> out.append("  ").append(n).append(" × ").append(k).append('\n'));
        // The first of each group, then the rest: the 20 printed show as many different problems as there are.
        List<Violation> ordered = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        for (Violation v : violations) {
            if (groups.add(group(v))) {
                ordered.add(v);
            }
        }
        violations.stream().filter(v -> !ordered.contains(v)).forEach(ordered::add);
        List<Violation> first = ordered.subList(0, Math.min(20, ordered.size()));
        for (int i = 0; i < first.size(); i++) {
            out.append(i + 1).append(". ").append(first.get(i)).append('\n');
        }
        System.out.println(out);
        dumpAll();
        assertTrue(total() >= 500, "at least 500 generated requests, sent " + total() + out);
        if (!violations.isEmpty()) {
            fail(violations.size() + " violations" + out);
        }
    }

    private static String group(Violation v) {
        return v.kind() + " | " + v.where().replaceAll(" \\(at [A-Z_]+\\)$", "").replaceAll("^(\\S+ \\S+).*$", "$1");
    }

    /** Every violation, for the report, in target/bad-input-violations.txt. */
    private void dumpAll() {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "bad-input-violations.txt");
            java.nio.file.Files.writeString(file, violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        } catch (java.io.IOException e) {
            System.out.println("could not write the violations file: " + e);
        }
    }
}
