package io.oiefilter.it;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security promises as an attacker probes them, through the sample WAR on Payara Micro and the
 * simulator over HTTP: parallel requests on one session, the actions of the uniform activation pages,
 * oversized and forged input, anonymous traffic, cookies, caches and the lifetime of a sign-in.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdversaryIT {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String NOT_VALID = "That code is not valid.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Every request comes from 127.0.0.1: the per-address limits are raised above what the class uses;
        // a short resend cooldown so that the parallel resend needs no long wait.
        return SampleDeployment.war("oie.activation.maxStartsPerAddress=1000,oie.activation.maxLookupsPerAddress=10000,"
                + "oie.resendCooldownSeconds=2", null, null);
    }

    @ArquillianResource
    URL deployed;

    private static Simulator sim() {
        return SimulatorExtension.simulator();
    }

    @BeforeEach
    void identifierFirst() {
        sim().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        sim().rateLimits().clear();
        sim().faults().clear();
    }

    private WebClient client() {
        return new WebClient(SampleDeployment.base(deployed));
    }

    private static OrgUser user(UserStatus status) {
        String login = "it.adversary." + USERS.incrementAndGet() + "@example.com";
        return sim().org().createUser(login, login, "Ad", "Versary", List.of(), null, status, false, Instant.now());
    }

    private static HttpResponse<String> activationPage(WebClient c, String login) throws Exception {
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        HttpResponse<String> page = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", login)));
        assertTrue(page.body().contains("id=\"oie-activation-text\""), page.body());
        return page;
    }

    private static String code(String address) throws InterruptedException {
        return Outbox.code(address);
    }

    private static <T> List<T> inParallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : all) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertClean(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 500, r.statusCode() + ": " + r.body());
        for (String leak : List.of("Exception", "GRIZZLY", "\tat ", "java.lang", "io.oiefilter.")) {
            assertFalse(r.body().contains(leak), "leaks " + leak + ":\n" + r.body());
        }
    }

    @Test
    void sixtyParallelWrongCodesOnOneSessionCannotGetPastTheLimit() throws Exception {
        OrgUser u = user(UserStatus.PROVISIONED);
        WebClient c = client();
        HttpResponse<String> page = activationPage(c, u.login());
        String right = code(u.email());
        Map<String, String> form = fields(page.body(), "passcode", "000000");
        AtomicInteger n = new AtomicInteger();
        int checkedBefore = sim().requestLog().countOf("challenge/answer");
        List<HttpResponse<String>> answers = inParallel(60, () -> {
            Map<String, String> f = new java.util.LinkedHashMap<>(form);
            f.put("passcode", String.format("%06d", 100000 + n.incrementAndGet()));
            return c.post("oie/answer", f);
        });
        // Every answer is a redirect (post/redirect/get): what counts is how many codes reached Okta.
        int checked = sim().requestLog().countOf("challenge/answer") - checkedBefore;
        System.out.println("[adversary] 60 parallel wrong codes: " + checked + " checked by Okta");
        // oie.activation.maxWrongCodes is 5: four answered "not valid", the fifth checked ends the sign-in, no sixth reaches Okta.
        assertTrue(checked <= 5, checked + " wrong codes reached Okta, at most 5 may: four, then the fifth that ends the sign-in");
        answers.forEach(r -> assertEquals(302, r.statusCode(), r.body()));
        answers.forEach(AdversaryIT::assertClean);
        HttpResponse<String> late = c.follow(c.post("oie/answer", fields(page.body(), "passcode", right)));
        assertFalse(late.body().contains("id=\"oie-new-password\""), "the right code is dead after the limit");
        assertEquals(UserStatus.PROVISIONED, u.status());
    }

    @Test
    void tenParallelResendsAfterTheCooldownSendOneEmail() throws Exception {
        OrgUser u = user(UserStatus.PROVISIONED);
        WebClient c = client();
        HttpResponse<String> page = activationPage(c, u.login());
        code(u.email());
        Thread.sleep(2500); // past the 2 s cooldown of this deployment
        List<HttpResponse<String>> answers = inParallel(10, () -> c.post("oie/resend", fields(page.body())));
        answers.forEach(AdversaryIT::assertClean);
        assertEquals(2, sim().outbox().to(u.email()).size(), "the first code and exactly one more, whatever the concurrency");
    }

    /** Every action a uniform page can be sent, for four kinds of account: the same status, Location and page. */
    @Test
    void everyActionOfTheActivationPageAnswersAlikeForEveryKindOfAccount() throws Exception {
        List<String> logins = List.of(user(UserStatus.PROVISIONED).login(), user(UserStatus.STAGED).login(),
                "it.adversary.nobody." + USERS.incrementAndGet() + "@example.com", "bob@example.com");
        for (String action : List.of("oie/sign-up", "oie/select", "oie/skip", "oie/forgot-password", "oie/identify",
                "oie/new-password", "oie/register", "oie/answer", "oie/resend", "oie/restart")) {
            String reference = null;
            for (String login : logins) {
                WebClient c = client();
                HttpResponse<String> page = activationPage(c, login);
                HttpResponse<String> r = c.post(action, fields(page.body(), "passcode", "000000", "identifier", login,
                        "authenticator", "aut0", "password", "Whatever-2026", "confirmPassword", "Whatever-2026"));
                HttpResponse<String> shown = c.follow(r);
                // How long ago a code was sent shows in the resend form; that is time, not the account.
                String seen = r.statusCode() + " " + r.headers().firstValue("Location").orElse("") + " " + shown.statusCode() + "\n"
                        + SampleDeployment.normalised(shown.body(), login).replaceAll("(?s)<form[^>]*id=\"oie-resend\".*?</form>", "");
                if (reference == null) {
                    reference = seen;
                } else {
                    assertEquals(reference, seen, action + " from the page of " + login + " answers as for " + logins.get(0));
                }
            }
        }
    }

    @Test
    void aCodePostedAfterOktasTransactionIsGoneAnswersAsForAnyAccount() throws Exception {
        OrgUser u = user(UserStatus.PROVISIONED);
        WebClient real = client();
        HttpResponse<String> realPage = activationPage(real, u.login());
        String right = code(u.email());
        WebClient none = client();
        String nobody = "it.adversary.nobody." + USERS.incrementAndGet() + "@example.com";
        HttpResponse<String> nonePage = activationPage(none, nobody);
        sim().clock().advance(Simulator.TRANSACTION_LIFETIME.plusMinutes(1));
        HttpResponse<String> a;
        HttpResponse<String> b;
        try {
            a = real.follow(real.post("oie/answer", fields(realPage.body(), "passcode", right)));
            b = none.follow(none.post("oie/answer", fields(nonePage.body(), "passcode", right)));
        } finally {
            sim().clock().reset(); // the simulator is shared by every IT
        }
        assertEquals(a.statusCode(), b.statusCode());
        assertEquals(SampleDeployment.normalised(a.body(), u.login()), SampleDeployment.normalised(b.body(), nobody));
        assertTrue(a.body().contains(NOT_VALID), a.body());
    }

    @Test
    void oversizedFormsAreRefusedWithAClearPageAndNothingIsEchoed() throws Exception {
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        String big = "x".repeat(1_900_000);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = c.post("oie/identify", fields(signIn.body(), "identifier", big + i));
            assertEquals(413, r.statusCode());
            assertClean(r);
            assertFalse(r.body().contains("xxxxxxxxxx"), "the value is not echoed");
        }
        HttpResponse<String> overContainer = c.post("oie/identify", fields(signIn.body(), "identifier", "y".repeat(3_000_000)));
        assertEquals(413, overContainer.statusCode(), "over Payara's own POST limit too: the filter's page, not a 500");
        assertClean(overContainer);
        HttpResponse<String> longField = c.post("oie/identify", fields(signIn.body(), "identifier", "z".repeat(5000)));
        assertEquals(400, longField.statusCode());
        assertClean(longField);
        assertFalse(longField.body().contains("zzzzzzzzzz"));
        HttpResponse<String> again = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        assertTrue(again.body().contains("<title>Enter your password</title>"), "the sign-in goes on: nothing was lost");
    }

    @Test
    void aLoginWithALineBreakIsRefused() throws Exception {
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        HttpResponse<String> r = c.post("oie/identify", fields(signIn.body(), "identifier",
                "eve\r\n[INFO] oie-filter: alice@example.com signed in"));
        assertEquals(400, r.statusCode());
        assertClean(r);
    }

    @Test
    void spentOrMalformedActivationLinksAreClientErrorsNotOutages() throws Exception {
        HttpResponse<String> malformed = client().get("oie/activate?token=%3Cscript%3E");
        assertEquals(400, malformed.statusCode());
        HttpResponse<String> spent = client().get("oie/activate?token=neverIssuedToken123");
        assertEquals(410, spent.statusCode());
        for (HttpResponse<String> r : List.of(malformed, spent)) {
            assertClean(r);
            assertTrue(r.body().contains("This activation link is no longer valid."), r.body());
        }
    }

    @Test
    void anonymousSignInPagesCostOktaNothing() throws Exception {
        client().get("oie/sign-in"); // the org's first page is known from now on (or already was)
        int interacts = sim().requestLog().countOf("interact");
        int introspects = sim().requestLog().countOf("introspect");
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> page = client().get("oie/sign-in"); // a new visitor each time: no cookie
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("name=\"identifier\""));
        }
        assertEquals(interacts, sim().requestLog().countOf("interact"), "no /v1/interact for a page view");
        assertEquals(introspects, sim().requestLog().countOf("introspect"));
        WebClient c = client();
        HttpResponse<String> page = c.get("oie/sign-in");
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(page.body(), "identifier", ALICE)));
        assertTrue(password.body().contains("<title>Enter your password</title>"), "the first form begins the transaction");
        assertEquals(interacts + 1, sim().requestLog().countOf("interact"));
    }

    @Test
    void theCsrfTokenComesFromTheBodyOnlyAndChangesAtSignIn() throws Exception {
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        String before = WebClient.csrf(signIn.body());
        Map<String, String> f = fields(signIn.body(), "identifier", ALICE);
        f.remove("_csrf");
        HttpResponse<String> inQuery = c.post("oie/identify?_csrf=" + before, f);
        assertTrue(inQuery.statusCode() == 400, "a token in the URL is refused: " + inQuery.statusCode());
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
        assertTrue(home.body().contains("Hello, Alice"), home.body());
        String after = WebClient.csrf(home.body());
        assertNotEquals(before, after, "a new token after sign-in");
        assertEquals(403, c.post("oie/logout", WebClient.form("_csrf", before)).statusCode(), "the old token is dead");
        assertEquals(302, c.post("oie/logout", WebClient.form("_csrf", after)).statusCode());
    }

    @Test
    void signedInPagesAreNotCachedAndTheSessionCookieIsSameSiteLax() throws Exception {
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        String cookie = c.setCookies().stream().filter(h -> h.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + c.setCookies()));
        assertTrue(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"), cookie);
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        c.follow(c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
        HttpResponse<String> app = c.get("app/");
        assertEquals(200, app.statusCode());
        assertEquals("no-store", app.headers().firstValue("Cache-Control").orElse(""), app.headers().toString());
        assertFalse(client().get("").headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                "public pages are the app's business");
    }

    @Test
    void aSignInEndsWhenItsTokensDoWithoutARefreshToken() throws Exception {
        var app = sim().org().app(SampleDeployment.CLIENT_ID).orElseThrow();
        Duration lifetime = app.tokenLifetime();
        app.tokenLifetime(Duration.ofSeconds(36)); // renewal is due 30 s before expiry: 6 s of fresh sign-in (a busy CI needs margin)
        try {
            WebClient c = client();
            HttpResponse<String> signIn = c.follow(c.get("app/"));
            HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
            HttpResponse<String> home = c.follow(c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
            assertTrue(home.body().contains("Hello, Alice"));
            Thread.sleep(7000);
            HttpResponse<String> expired = c.get("api/me", "X-Requested-With", "XMLHttpRequest");
            assertEquals(401, expired.statusCode(), "XHR learns it must sign in again");
            HttpResponse<String> page = c.get("app/details.jsp?tab=claims");
            assertEquals(302, page.statusCode());
            assertTrue(page.headers().firstValue("Location").orElseThrow().endsWith("/sample/oie/sign-in"));
        } finally {
            app.tokenLifetime(lifetime);
        }
    }

    @Test
    void oktasRateLimitsAreTakenAsTheyAreWithTheirResetTime() throws Exception {
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        sim().rateLimits().limit("introspect", 0, Duration.ofSeconds(300));
        HttpResponse<String> r = c.submit("oie/identify", fields(signIn.body(), "identifier", ALICE));
        assertEquals(429, r.statusCode(), "an introspect answered 429 is a rate limit, not an outage");
        int wait = Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait > 240 && wait <= 300, "Retry-After from Okta's X-Rate-Limit-Reset: " + wait);
        assertClean(r);
    }
}
