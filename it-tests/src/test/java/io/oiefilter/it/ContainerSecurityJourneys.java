package io.oiefilter.it;

import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Container security mode, through the sample WAR as built (its {@code SampleSignIn} bean turns it on):
 * after a sign-in through the filter's pages the container knows the caller and their groups. Alice is in
 * Admins; a reader made for each test is not. A server's test extends this and starts its server in
 * {@code @BeforeAll} with {@link CoreJourneys#start}.
 */
@ExtendWith(SimulatorExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class ContainerSecurityJourneys {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String READER_PASSWORD = "Reading-Room-2026";

    /** The sample app's base URL on the server under test, ending in a slash. */
    protected abstract URI sampleBase();

    @BeforeEach
    void identifierFirst() {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    @Test
    void theEjbAndTheCdiBeanServeAnAdministrator() throws Exception {
        WebClient c = signedIn("app/", ALICE, ALICE_PASSWORD);
        HttpResponse<String> report = c.get("api/admin/report", "Accept", "application/json");
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().contains("Report prepared for " + ALICE), "the EJB's caller is Alice: " + report.body());
        HttpResponse<String> notes = c.get("api/admin/notes", "Accept", "application/json");
        assertEquals(200, notes.statusCode(), notes.body());
        assertTrue(notes.body().contains("Notes for " + ALICE), "the CDI bean's caller is Alice: " + notes.body());
    }

    @Test
    void theEjbAndTheCdiBeanRefuseSomeoneNotInTheGroup() throws Exception {
        String reader = reader();
        WebClient c = signedIn("app/", reader, READER_PASSWORD);
        HttpResponse<String> me = c.get("api/me", "Accept", "application/json");
        assertEquals(200, me.statusCode(), "signed in: " + me.body());
        HttpResponse<String> report = c.get("api/admin/report", "Accept", "application/json");
        assertEquals(403, report.statusCode(), "EJB @RolesAllowed refused: " + report.body());
        assertTrue(report.body().contains("\"error\":\"forbidden\""), report.body());
        HttpResponse<String> notes = c.get("api/admin/notes", "Accept", "application/json");
        assertEquals(403, notes.statusCode(), "CDI @RolesAllowed refused: " + notes.body());
        assertTrue(notes.body().contains("\"error\":\"forbidden\""), notes.body());
    }

    @Test
    void theConstraintSendsABrowserToSignInThenBackToThePage() throws Exception {
        WebClient c = new WebClient(sampleBase());
        HttpResponse<String> first = c.get("app/admin/", "Accept", "text/html");
        assertEquals(302, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Location").orElseThrow().contains("/oie/sign-in"), first.headers().map().toString());
        HttpResponse<String> signIn = c.follow(first);
        assertTrue(signIn.body().contains("name=\"identifier\""), "the filter's sign-in page:\n" + signIn.body());
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        HttpResponse<String> done = c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        assertEquals(302, done.statusCode(), done.body());
        assertTrue(done.headers().firstValue("Location").orElseThrow().endsWith(sampleBase().getPath() + "app/admin/"),
                "back to the protected page: " + done.headers().map());
        HttpResponse<String> admin = c.follow(done);
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("id=\"admin-title\">Administration<"), admin.body());
        assertTrue(admin.body().contains("id=\"admin-user\">" + ALICE + "<"), "the container's remote user: " + admin.body());
    }

    @Test
    void theConstraintAnswersAnApiClient401AndRefusesAReader403() throws Exception {
        HttpResponse<String> api = new WebClient(sampleBase()).get("app/admin/", "Accept", "application/json");
        assertEquals(401, api.statusCode(), api.body());
        assertTrue(api.headers().firstValue("WWW-Authenticate").orElse("").startsWith("OIE "), api.headers().map().toString());

        String reader = reader();
        WebClient c = signedIn("app/", reader, READER_PASSWORD);
        HttpResponse<String> admin = c.get("app/admin/", "Accept", "text/html");
        assertEquals(403, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("This page is for administrators"), "the app's 403 page: " + admin.body());
        assertTrue(admin.body().contains(reader), "which knows who asked: " + admin.body());
    }

    @Test
    void authenticateStartsTheSignInAndEveryViewOfTheCallerAgrees() throws Exception {
        WebClient c = new WebClient(sampleBase());
        HttpResponse<String> first = c.get("whoami", "Accept", "text/html");
        assertEquals(302, first.statusCode(), "request.authenticate() began the sign-in: " + first.body());
        HttpResponse<String> signIn = c.follow(first);
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        HttpResponse<String> done = c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        assertTrue(done.headers().firstValue("Location").orElseThrow().endsWith(sampleBase().getPath() + "whoami"),
                "back to the page that asked: " + done.headers().map());
        HttpResponse<String> who = c.follow(done);
        assertEquals(200, who.statusCode(), who.body());
        assertEveryView(who.body(), ALICE, true);

        String reader = reader();
        WebClient r = signedIn("app/", reader, READER_PASSWORD);
        HttpResponse<String> readerWho = r.get("whoami");
        assertEquals(200, readerWho.statusCode(), readerWho.body());
        assertEveryView(readerWho.body(), reader, false);
    }

    @Test
    void signOutEndsTheContainersCallerToo() throws Exception {
        WebClient c = signedIn("app/", ALICE, ALICE_PASSWORD);
        HttpResponse<String> home = c.get("app/");
        assertEquals(200, c.get("whoami").statusCode());
        HttpResponse<String> out = c.post("oie/logout", fields(home.body()));
        assertEquals(302, out.statusCode(), out.body());
        c.follow(out);
        assertEquals(302, c.get("whoami", "Accept", "text/html").statusCode(), "no caller any more: authenticate() signs in again");
        assertEquals(302, c.get("app/admin/", "Accept", "text/html").statusCode(), "the constraint asks for a sign-in again");
        assertEquals(401, c.get("api/admin/report", "Accept", "application/json").statusCode());
    }

    @Test
    void theAppsOwnLogoutEndsTheSignIn() throws Exception {
        WebClient c = signedIn("app/", ALICE, ALICE_PASSWORD);
        HttpResponse<String> home = c.get("app/");
        assertEquals(403, c.post("whoami", WebClient.form("_csrf", "forged")).statusCode(), "the sample checks the CSRF token");
        assertEquals(200, c.get("api/me", "Accept", "application/json").statusCode(), "still signed in");
        HttpResponse<String> out = c.post("whoami", fields(home.body()));
        assertEquals(302, out.statusCode(), "request.logout(), then home: " + out.body());
        assertEquals(401, c.get("api/me", "Accept", "application/json").statusCode(), "the filter's sign-in ended with the container's caller");
        assertEquals(302, c.get("app/admin/", "Accept", "text/html").statusCode(), "and the constraint asks for a sign-in again");
    }

    /** Each of the request, the container's own request, Jakarta Security's SecurityContext and an EJB names the caller alike. */
    private static void assertEveryView(String json, String name, boolean admin) {
        for (String view : List.of("request", "container", "securityContext", "ejb")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + view + "\":\\{([^}]*)}").matcher(json);
            assertTrue(m.find(), "no " + view + " in " + json);
            assertTrue(m.group(1).contains("\"name\":\"" + name + "\""), view + " should name " + name + ": " + json);
            assertTrue(m.group(1).contains("\"inRole\":" + admin), view + " should say in role Admins: " + admin + ": " + json);
        }
    }

    /** An ACTIVE user in Readers, not Admins. */
    private String reader() {
        String login = "it.reader." + USERS.incrementAndGet() + "." + sampleBase().getPort() + "@example.com";
        OrgUser u = SimulatorExtension.simulator().org().createUser(login, login, "Rita", "Reader", List.of("Readers"),
                READER_PASSWORD, UserStatus.ACTIVE, true, Instant.now());
        return u.login();
    }

    /** A browser signed in as {@code login}, having started at {@code path}. */
    private WebClient signedIn(String path, String login, String password) throws Exception {
        WebClient c = new WebClient(sampleBase());
        HttpResponse<String> signIn = c.follow(c.get(path, "Accept", "text/html"));
        HttpResponse<String> passwordPage = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", login)));
        assertTrue(passwordPage.body().contains("<title>Enter your password</title>"), passwordPage.body());
        HttpResponse<String> done = c.post("oie/answer", fields(passwordPage.body(), "passcode", password));
        assertEquals(302, done.statusCode(), done.body());
        assertEquals(200, c.follow(done).statusCode());
        return c;
    }
}
