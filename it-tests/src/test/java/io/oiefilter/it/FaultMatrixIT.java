package io.oiefilter.it;

import io.oiefilter.simulator.Endpoints;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.faults.Fault;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Okta endpoint the filter calls, broken in every way the simulator can break it (500, 503,
 * 429 with Okta's body and headers, a timeout, a malformed body, no content type, a dropped
 * connection) for the whole step of a journey that reaches it. The browser gets the filter's outage
 * page (503 with its retry link) or its rate-limit page (429 with Retry-After), a page that goes on
 * without that call, or a redirect: never another 5xx, never a stack trace, never a blank 200. Once
 * Okta is well again the same browser signs in.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultMatrixIT {
    /** Longer than the app's oie.httpTimeoutSeconds (3 in arquillian.xml): a timeout. */
    private static final Duration TIMEOUT_DELAY = Duration.ofMillis(4500);
    /** Nimbus refetches a JWKS at most twice per 30 s: keys cells are spaced by more than that. */
    private static final Duration JWKS_REFETCH_SPACING = Duration.ofSeconds(31);
    private static final String DISCOVERY = Endpoints.of("/oauth2/default/.well-known/openid-configuration");
    private static final AtomicInteger USERS = new AtomicInteger();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // A code may be asked for again at once (to reach challenge/resend); every request comes from 127.0.0.1,
        // so the per-address activation and sign-up throttles are raised above what the matrix uses.
        return SampleDeployment.war("oie.resendCooldownSeconds=0,oie.activation.maxStartsPerAddress=100000,"
                + "oie.signUp.maxPerAddress=100000", null, null);
    }

    @ArquillianResource
    URL deployed;

    enum Kind {
        S500("500"), S503("503"), S429("429"), TIMEOUT("timeout"), MALFORMED("malformed"), NO_CONTENT_TYPE("no c-type"),
        DROP("dropped");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A journey to the step that calls one endpoint. */
    enum Journey {
        INTERACT("interact"), INTROSPECT("introspect"), IDENTIFY("identify"), ANSWER("challenge/answer"),
        RESEND("challenge/resend"), CREDENTIAL_ENROLL("credential/enroll"), SKIP("skip"), RECOVER("recover"),
        SIGN_UP("enroll"), REGISTER("enroll/new"), TOKEN("token"), REVOKE("revoke"), KEYS("keys"), DISCOVERY_DOC(DISCOVERY),
        USERS_API("users");

        final String endpoint;

        Journey(String endpoint) {
            this.endpoint = endpoint;
        }
    }

    /** One answer the browser got. */
    record Hop(String request, int status, Map<String, List<String>> headers, String body, String failure) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    record Violation(String kind, String cell, String request, int status, String detail) {
        @Override
        public String toString() {
            return "[" + kind + "] " + cell + "\n      request:  " + request + "\n      status:   " + status + "\n      response: " + detail;
        }
    }

    /** What one cell of the matrix saw. */
    static final class Cell {
        final Journey journey;
        final Kind kind;
        WebClient client;
        String seen = "?";
        String retry = "?";
        OrgUser user;
        long millis;
        int logMark;
        int interactsDuringStep;
        /** How the test knows the fault was met: the page the step ended on, a log line, a new transaction; null if it does not. */
        String evidence;

        Cell(Journey journey, Kind kind) {
            this.journey = journey;
            this.kind = kind;
        }

        String name() {
            return journey.endpoint + " × " + kind.label;
        }
    }

    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Integer> notes = new TreeMap<>();
    private final Map<Journey, Map<Kind, Cell>> matrix = new EnumMap<>(Journey.class);
    private final List<Cell> runOrder = new ArrayList<>();
    private PayaraConsole console;
    private URI base;
    private Instant jwksWindow;

    private static Simulator sim() {
        return SimulatorExtension.simulator();
    }

    private static OrgApp app() {
        return sim().org().app(SampleDeployment.CLIENT_ID).orElseThrow();
    }

    @Test
    void everyOktaEndpointTimesEveryFault() throws Exception {
        app().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        app().requireEmailCode(false);
        app().selfServiceRegistration(true);
        sim().org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.OPTIONAL);
        disarm();
        base = SampleDeployment.base(deployed);
        Instant started = Instant.now();
        console = PayaraConsole.tap(line -> line.contains("oie-filter"));
        try {
            // 1. The discovery document is read once and kept: its cells run first, before anything signed in,
            //    each journey in its own browser, and their retries after all of them. The first keys cell comes
            //    in between, so that the JWKS is read for the first time by a faulted request.
            List<Cell> discovery = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                Cell cell = new Cell(Journey.DISCOVERY_DOC, kind);
                journey(cell);
                discovery.add(cell);
            }
            // 2. Keys cells: a rotated key makes the filter read the JWKS again. Nimbus reads it at most twice per
            //    30 s (the faulted read and the retry's), so these cells are spread out over the run.
            Deque<Kind> keys = new ArrayDeque<>(List.of(Kind.values()));
            keysCell(keys.poll());
            for (Cell cell : discovery) {
                retry(cell);
            }
            // 3. Everything else, fault by fault.
            for (Kind kind : Kind.values()) {
                for (Journey journey : Journey.values()) {
                    if (journey == Journey.KEYS || journey == Journey.DISCOVERY_DOC) {
                        continue;
                    }
                    Cell cell = new Cell(journey, kind);
                    journey(cell);
                    retry(cell);
                    if (!keys.isEmpty() && Duration.between(jwksWindow, Instant.now()).compareTo(JWKS_REFETCH_SPACING) >= 0) {
                        keysCell(keys.poll());
                    }
                }
            }
            while (!keys.isEmpty()) {
                Duration wait = JWKS_REFETCH_SPACING.minus(Duration.between(jwksWindow, Instant.now()));
                if (!wait.isNegative()) {
                    Thread.sleep(wait.toMillis());
                }
                keysCell(keys.poll());
            }
            Thread.sleep(1000); // the container's console reader passes the last log lines on
        } finally {
            disarm();
            app().requireEmailCode(false);
            console.close();
        }
        evidence();
        report(Duration.between(started, Instant.now()));
    }

    private void keysCell(Kind kind) throws Exception {
        Cell cell = new Cell(Journey.KEYS, kind);
        jwksWindow = Instant.now();
        journey(cell);
        retry(cell);
    }

    // ---------------------------------------------------------------- faults

    private static void arm(String endpoint, Kind kind) {
        switch (kind) {
            case S500 -> sim().faults().inject(endpoint, Fault.status(500));
            case S503 -> sim().faults().inject(endpoint, Fault.status(503));
            // Okta's own 429: its body (IDX or E0000047) and X-Rate-Limit-* headers, a one-minute window as Okta's.
            case S429 -> sim().rateLimits().limit(endpoint, 0, Duration.ofMinutes(1));
            case TIMEOUT -> sim().faults().inject(endpoint, Fault.delay(TIMEOUT_DELAY));
            case MALFORMED -> sim().faults().inject(endpoint, Fault.malformedBody(200));
            case NO_CONTENT_TYPE -> sim().faults().inject(endpoint, Fault.missingContentType(500));
            case DROP -> sim().faults().inject(endpoint, Fault.dropConnection());
        }
    }

    private static void disarm() {
        sim().faults().clear();
        sim().rateLimits().clear();
    }

    // ---------------------------------------------------------------- one cell

    /** Walks to the step without faults, arms the fault, takes the step (following the app's redirects), disarms. */
    private void journey(Cell cell) {
        matrix.computeIfAbsent(cell.journey, k -> new EnumMap<>(Kind.class)).put(cell.kind, cell);
        runOrder.add(cell);
        cell.client = new WebClient(base);
        WebClient c = cell.client;
        long t0 = System.nanoTime();
        try {
            Step step = prepare(cell);
            if (step == null) {
                cell.seen = "setup failed";
                return;
            }
            if (cell.journey == Journey.KEYS) {
                sim().tokens().rotateKey(); // an ID token with a key id the filter has not seen: it reads the JWKS again
            }
            cell.logMark = console.mark();
            int interacts = sim().requestLog().countOf("interact");
            arm(cell.journey.endpoint, cell.kind);
            List<Hop> hops;
            try {
                hops = step.take(c);
            } finally {
                disarm();
                app().requireEmailCode(false);
            }
            cell.interactsDuringStep = sim().requestLog().countOf("interact") - interacts;
            Hop last = hops.get(hops.size() - 1);
            for (Hop h : hops) {
                check(cell, "step", h);
            }
            cell.seen = outcome(last);
        } catch (Exception e) {
            violation("test-error", cell.name(), "journey", 0, e.toString());
            cell.seen = "error: " + e.getClass().getSimpleName();
        } finally {
            cell.millis = (System.nanoTime() - t0) / 1_000_000;
        }
    }

    @FunctionalInterface
    private interface Step {
        List<Hop> take(WebClient c) throws Exception;
    }

    /** The unfaulted walk to the page before the step; the step itself; null (reported) if the walk failed. */
    private Step prepare(Cell cell) throws Exception {
        WebClient c = cell.client;
        switch (cell.journey) {
            case INTERACT, INTROSPECT -> {
                // The sign-in page costs Okta nothing; the transaction begins with the first form sent.
                Hop page = signInPage(cell);
                return page == null ? null : x -> follow(x, post(x, "oie/identify", fields(page.body(), "identifier", ALICE)));
            }
            case IDENTIFY -> {
                Hop page = signInPage(cell);
                return page == null ? null : x -> follow(x, post(x, "oie/identify", fields(page.body(), "identifier", ALICE)));
            }
            case ANSWER, TOKEN, KEYS, DISCOVERY_DOC -> {
                Hop page = passwordPage(cell, ALICE);
                return page == null ? null : x -> follow(x, post(x, "oie/answer", fields(page.body(), "passcode", ALICE_PASSWORD)));
            }
            case RECOVER -> {
                Hop page = passwordPage(cell, ALICE);
                return page == null ? null : x -> follow(x, post(x, "oie/forgot-password", fields(page.body())));
            }
            case RESEND -> {
                app().requireEmailCode(true);
                Hop password = passwordPage(cell, ALICE);
                if (password == null) {
                    return null;
                }
                Hop code = last(follow(c, post(c, "oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD))));
                if (!code.body().contains("<title>Check your email</title>") || !code.body().contains("id=\"oie-resend-button\"")) {
                    return setupFailed(cell, "email code page with a resend button", code);
                }
                Hop page = code;
                return x -> follow(x, post(x, "oie/resend", fields(page.body())));
            }
            case CREDENTIAL_ENROLL, SKIP -> {
                cell.user = newUser(UserStatus.ACTIVE, "Fault-Enrol-2026");
                Hop password = passwordPage(cell, cell.user.login());
                if (password == null) {
                    return null;
                }
                Hop select = last(follow(c, post(c, "oie/answer", fields(password.body(), "passcode", "Fault-Enrol-2026"))));
                if (!select.body().contains("<title>Set up a security method</title>") || !select.body().contains("id=\"oie-skip\"")) {
                    return setupFailed(cell, "optional enrollment page", select);
                }
                String emailId = sim().org().authenticatorId(AuthenticatorKind.EMAIL);
                return cell.journey == Journey.SKIP
                        ? x -> follow(x, post(x, "oie/skip", fields(select.body())))
                        : x -> follow(x, post(x, "oie/select", fields(select.body(), "authenticator", emailId)));
            }
            case SIGN_UP -> {
                Hop page = signInPage(cell);
                return page == null ? null : x -> follow(x, post(x, "oie/sign-up", fields(page.body())));
            }
            case REGISTER -> {
                Hop page = signInPage(cell);
                if (page == null) {
                    return null;
                }
                Hop form = last(follow(c, post(c, "oie/sign-up", fields(page.body()))));
                if (!form.body().contains("<title>Create your account</title>")) {
                    return setupFailed(cell, "sign-up form", form);
                }
                String email = "it.fault.signup." + USERS.incrementAndGet() + "@example.com";
                return x -> follow(x, post(x, "oie/register", fields(form.body(), "firstName", "Fault", "lastName", "Signup",
                        "email", email)));
            }
            case REVOKE -> {
                Hop password = passwordPage(cell, ALICE);
                if (password == null) {
                    return null;
                }
                follow(c, post(c, "oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
                Hop home = get(c, "app/");
                if (!home.body().contains("Hello, Alice Liddell")) {
                    return setupFailed(cell, "signed in", home);
                }
                return x -> follow(x, post(x, "oie/logout", fields(home.body())));
            }
            case USERS_API -> {
                cell.user = newUser(UserStatus.PROVISIONED, null);
                Hop page = signInPage(cell);
                String login = cell.user.login();
                // The look-up runs in the background; a code posted joins it, so its log line falls in this cell.
                return page == null ? null : x -> {
                    List<Hop> hops = new ArrayList<>(follow(x, post(x, "oie/identify", fields(page.body(), "identifier", login))));
                    hops.addAll(follow(x, post(x, "oie/answer", fields(last(hops).body(), "passcode", "000000"))));
                    return hops;
                };
            }
            default -> throw new IllegalStateException(cell.journey.name());
        }
    }

    private Step setupFailed(Cell cell, String wanted, Hop got) {
        violation("journey-setup-failed", cell.name(), wanted, got.status(), ResponseChecks.summary(got.body()));
        return null;
    }

    private Hop signInPage(Cell cell) throws Exception {
        Hop page = last(follow(cell.client, get(cell.client, "app/")));
        if (!page.body().contains("id=\"oie-identify\"")) {
            setupFailed(cell, "sign-in page", page);
            return null;
        }
        return page;
    }

    private Hop passwordPage(Cell cell, String login) throws Exception {
        Hop signIn = signInPage(cell);
        if (signIn == null) {
            return null;
        }
        Hop page = last(follow(cell.client, post(cell.client, "oie/identify", fields(signIn.body(), "identifier", login))));
        if (!page.body().contains("<title>Enter your password</title>")) {
            setupFailed(cell, "password page for " + login, page);
            return null;
        }
        return page;
    }

    private static OrgUser newUser(UserStatus status, String password) {
        int n = USERS.incrementAndGet();
        String login = "it.fault." + n + "@example.com";
        return sim().org().createUser(login, login, "Fault", "User" + n, List.of(), password, status, false, Instant.now());
    }

    // ---------------------------------------------------------------- the next attempt

    /** Faults cleared: the same browser (same cookies) tries again and must end signed in. */
    private void retry(Cell cell) {
        WebClient c = cell.client;
        try {
            if (cell.journey == Journey.USERS_API && cell.user != null) {
                Optional<String> activated = activate(cell);
                if (activated.isEmpty()) {
                    cell.retry = "activated";
                    return;
                }
                notes.merge("activation not completed on the next attempt after a users fault (" + activated.get() + ")", 1, Integer::sum);
            }
            Optional<String> failed = signInAlice(cell);
            cell.retry = failed.isEmpty() ? (cell.journey == Journey.USERS_API ? "alice ok" : "ok") : "FAILED";
            failed.ifPresent(why -> violation("next-attempt-failed", cell.name(), "sign-in of alice after the fault was cleared", 0, why));
        } catch (Exception e) {
            cell.retry = "FAILED";
            violation("next-attempt-failed", cell.name(), "sign-in after the fault was cleared", 0, e.toString());
        }
    }

    /** Empty when alice ends signed in; otherwise why not. */
    private Optional<String> signInAlice(Cell cell) throws Exception {
        WebClient c = cell.client;
        if (cell.seen.contains("SIGNED IN")) {
            Hop home = get(c, "app/");
            check(cell, "retry", home);
            post(c, "oie/logout", fields(home.body())); // signed in after all: sign out, then the real next attempt
        }
        Hop page = last(follow(c, get(c, "oie/sign-in")));
        List<String> trail = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            check(cell, "retry", page);
            String body = page.body();
            String title = ResponseChecks.summary(body);
            trail.add(page.status() + " " + title);
            if (body.contains("Hello, Alice Liddell")) {
                return Optional.empty(); // a protected page (the app's home) shows her
            }
            List<Hop> next;
            boolean hasForm = body.contains("name=\"_csrf\"");
            if (body.contains("id=\"oie-identify\"") && title.equals("Sign in")) {
                next = follow(c, post(c, "oie/identify", fields(body, "identifier", ALICE)));
            } else if (title.equals("Enter your password")) {
                next = follow(c, post(c, "oie/answer", fields(body, "passcode", ALICE_PASSWORD)));
            } else if (title.equals("Check your email") && body.contains("id=\"oie-code\"") && !body.contains("oie-activation-text")) {
                String code = sim().outbox().latest(ALICE).orElseThrow().code();
                next = follow(c, post(c, "oie/answer", fields(body, "passcode", code)));
            } else if (hasForm && !title.equals("Sign in")) {
                List<Hop> restarted = follow(c, post(c, "oie/restart", WebClient.form("_csrf", WebClient.csrf(body))));
                if (ResponseChecks.summary(last(restarted).body()).equals(title)) {
                    notes.merge("\"start over\" on a '" + title + "' page stayed there", 1, Integer::sum);
                    post(c, "oie/logout", WebClient.form("_csrf", WebClient.csrf(body)));
                    next = follow(c, get(c, "oie/sign-in"));
                } else {
                    next = restarted;
                }
            } else {
                next = follow(c, get(c, "oie/sign-in"));
            }
            page = last(next);
            for (Hop h : next) {
                check(cell, "retry", h);
            }
        }
        return Optional.of("gave up after " + trail);
    }

    /** Starts the activation of the cell's PROVISIONED user again and completes it; empty when she ends signed in. */
    private Optional<String> activate(Cell cell) throws Exception {
        WebClient c = cell.client;
        OrgUser u = cell.user;
        Hop page = last(follow(c, get(c, "oie/sign-in")));
        check(cell, "retry", page);
        if (!page.body().contains("id=\"oie-identify\"")) {
            if (!page.body().contains("name=\"_csrf\"")) {
                page = last(follow(c, get(c, "oie/sign-in")));
            } else {
                page = last(follow(c, post(c, "oie/restart", WebClient.form("_csrf", WebClient.csrf(page.body())))));
            }
        }
        if (!page.body().contains("id=\"oie-identify\"")) {
            return Optional.of("no sign-in page: " + ResponseChecks.summary(page.body()));
        }
        int mails = sim().outbox().to(u.email()).size();
        Hop codePage = last(follow(c, post(c, "oie/identify", fields(page.body(), "identifier", u.login()))));
        check(cell, "retry", codePage);
        if (!codePage.body().contains("oie-activation-text")) {
            return Optional.of("no activation page: " + ResponseChecks.summary(codePage.body()));
        }
        String code;
        try {
            code = Outbox.awaitCount(u.email(), mails + 1).code(); // sent from the background
        } catch (AssertionError e) {
            return Optional.of("no activation code sent: " + e.getMessage());
        }
        Hop password = last(follow(c, post(c, "oie/answer", fields(codePage.body(), "passcode", code))));
        check(cell, "retry", password);
        if (!password.body().contains("<title>Set up a password</title>")) {
            return Optional.of("no new-password page: " + ResponseChecks.summary(password.body()));
        }
        List<Hop> landed = follow(c, post(c, "oie/new-password", fields(password.body(), "password", "Fault-Back-2026",
                "confirmPassword", "Fault-Back-2026")));
        Hop end = last(landed);
        if (end.body().contains("id=\"oie-skip\"")) {
            end = last(follow(c, post(c, "oie/skip", fields(end.body()))));
        }
        for (Hop h : landed) {
            check(cell, "retry", h);
        }
        return end.body().contains("Hello, " + u.firstName()) ? Optional.empty() : Optional.of("not signed in: " + ResponseChecks.summary(end.body()));
    }

    // ---------------------------------------------------------------- HTTP

    private Hop get(WebClient c, String path) {
        try {
            return hop("GET " + path, c.get(path));
        } catch (Exception e) {
            return new Hop("GET " + path, -1, Map.of(), "", e.toString());
        }
    }

    private Hop post(WebClient c, String path, Map<String, String> form) {
        try {
            return hop("POST " + path, c.post(path, form));
        } catch (Exception e) {
            return new Hop("POST " + path, -1, Map.of(), "", e.toString());
        }
    }

    private static Hop hop(String request, HttpResponse<String> r) {
        return new Hop(request, r.statusCode(), ResponseChecks.headers(r), r.body(), null);
    }

    /** This hop and the app's redirects after it (not to Okta, which a browser would go on to). */
    private List<Hop> follow(WebClient c, Hop first) {
        List<Hop> hops = new ArrayList<>(List.of(first));
        Hop h = first;
        for (int n = 0; n < 8 && h.status() / 100 == 3; n++) {
            String location = h.header("location").orElse("");
            if (location.isEmpty() || ResponseChecks.unsafeLocation(location, base, List.of()).isPresent()) {
                break; // off the app (Okta's end-session endpoint) or reported as unsafe
            }
            h = get(c, location);
            hops.add(h);
        }
        return hops;
    }

    private static Hop last(List<Hop> hops) {
        return hops.get(hops.size() - 1);
    }

    // ---------------------------------------------------------------- checks

    private void check(Cell cell, String phase, Hop h) {
        String where = cell.name() + " (" + phase + ")";
        if (h.status() < 0) {
            violation("no-answer", where, h.request(), h.status(), h.failure());
            return;
        }
        String body = h.body();
        int s = h.status();
        boolean outagePage = s == 503 && body.contains("id=\"oie-retry\"") && body.contains("/oie/sign-in");
        if (s >= 500 && !outagePage) {
            violation("5xx-other-than-the-outage-page", where, h.request(), s, ResponseChecks.summary(body) + " | "
                    + RawHttp.printable(body, 300));
        }
        if (s == 429 && h.header("retry-after").isEmpty()) {
            violation("429-without-retry-after", where, h.request(), s, ResponseChecks.summary(body));
        }
        if (s == 200 && body.isBlank()) {
            violation("blank-200", where, h.request(), s, "(empty body)");
        }
        ResponseChecks.internals(body).ifPresent(d -> violation("stack-trace-or-class-name", where, h.request(), s, d));
        for (String location : h.headers().getOrDefault("location", List.of())) {
            ResponseChecks.unsafeLocation(location, base, List.of(sim().issuer() + "/v1/logout?"))
                    .ifPresent(d -> violation("unsafe-location", where, h.request(), s, d + ": " + location));
        }
        if (phase.equals("step") && cell.kind == Kind.S429 && s == 503) {
            notes.merge("Okta's 429 shown as the outage page (503) rather than the rate-limit page", 1, Integer::sum);
        }
        if (phase.equals("step") && cell.kind != Kind.S429 && s == 429) {
            notes.merge("a 429 page for a fault that was not a rate limit", 1, Integer::sum);
        }
    }

    private void violation(String kind, String cell, String request, int status, String detail) {
        violations.add(new Violation(kind, cell, request, status, detail));
    }

    /** The short form of what the browser ended on, for the matrix. */
    private static String outcome(Hop last) {
        if (last.status() < 0) {
            return "NO ANSWER";
        }
        String title = ResponseChecks.summary(last.body());
        return switch (last.status()) {
            case 503 -> last.body().contains("id=\"oie-retry\"") ? "503 outage" : "503 OTHER";
            case 429 -> "429" + last.header("retry-after").map(r -> " RA=" + r).orElse(" no RA");
            case 302, 303 -> "302 off-app";
            case 200 -> "200 " + shortTitle(title);
            default -> last.status() + " " + shortTitle(title);
        };
    }

    private static String shortTitle(String title) {
        return switch (title) {
            case "Sign in" -> "sign-in";
            case "Enter your password" -> "password";
            case "Check your email" -> "code";
            case "Set up a security method" -> "enroll";
            case "Create your account" -> "sign-up";
            case "Set a new password", "Set up a password" -> "new pw";
            case "Your account" -> "SIGNED IN";
            case "Details" -> "SIGNED IN";
            default -> title.length() > 12 ? title.substring(0, 12) : title;
        };
    }

    /** Whether each cell's fault was met, from what the browser got, the app's log during the step, or a new transaction. */
    private void evidence() {
        for (int i = 0; i < runOrder.size(); i++) {
            Cell cell = runOrder.get(i);
            int to = i + 1 < runOrder.size() ? runOrder.get(i + 1).logMark : console.mark();
            List<String> log = console.between(cell.logMark, to);
            String keyword = switch (cell.journey) {
                case REVOKE -> "revoking the";
                case USERS_API -> "activation look-up failed";
                case KEYS -> "ID token rejected";
                case DISCOVERY_DOC -> "cannot read the issuer";
                default -> " failed (";
            };
            if (cell.seen.startsWith("503 outage") || cell.seen.startsWith("429")) {
                cell.evidence = "page";
            } else if (log.stream().anyMatch(l -> l.contains(keyword))) {
                cell.evidence = "log";
            } else {
                notes.merge("no sign that the fault was met (absorbed without a log line): " + cell.name(), 1, Integer::sum);
            }
        }
    }

    private void report(Duration took) {
        StringBuilder out = new StringBuilder("\n==== FaultMatrixIT ====  (cell: what the step ended on / the next attempt;"
                + " ? = no sign the fault was met)\n");
        int width = 24;
        out.append(String.format("%-22s", "endpoint"));
        for (Kind k : Kind.values()) {
            out.append(String.format("%-" + width + "s", k.label));
        }
        out.append('\n');
        int cells = 0;
        for (Journey j : Journey.values()) {
            out.append(String.format("%-22s", j.endpoint.length() > 21 ? ".well-known/openid" : j.endpoint));
            for (Kind k : Kind.values()) {
                Cell cell = matrix.getOrDefault(j, Map.of()).get(k);
                String text = cell == null ? "-" : cell.seen + (cell.evidence == null ? "?" : "") + " / " + cell.retry;
                cells += cell == null ? 0 : 1;
                out.append(String.format("%-" + width + "s", text.length() >= width ? text.substring(0, width - 1) : text));
            }
            out.append('\n');
        }
        out.append(cells).append(" cells in ").append(took.toSeconds()).append(" s\n");
        out.append("slowest cells: ").append(matrix.values().stream().flatMap(m -> m.values().stream())
                .sorted((a, b) -> Long.compare(b.millis, a.millis)).limit(5).map(c -> c.name() + " " + c.millis + " ms")
                .collect(Collectors.joining(", "))).append('\n');
        notes.forEach((k, n) -> out.append("note: ").append(n).append(" × ").append(k).append('\n'));
        Map<String, Long> byKind = violations.stream().collect(Collectors.groupingBy(Violation::kind, TreeMap::new, Collectors.counting()));
        out.append("violations by kind: ").append(byKind.isEmpty() ? "none" : byKind).append('\n');
        Map<String, List<String>> byCell = new LinkedHashMap<>();
        violations.forEach(v -> byCell.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(v.cell()));
        byCell.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v.stream().distinct().collect(Collectors.joining(", ")))
                .append('\n'));
        List<Violation> first = violations.subList(0, Math.min(20, violations.size()));
        for (int i = 0; i < first.size(); i++) {
            out.append(i + 1).append(". ").append(first.get(i)).append('\n');
        }
        System.out.println(out);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "fault-matrix.txt"), out + "\n"
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        } catch (java.io.IOException e) {
            System.out.println("could not write target/fault-matrix.txt: " + e);
        }
        if (!violations.isEmpty()) {
            fail(violations.size() + " violations" + out);
        }
    }
}
