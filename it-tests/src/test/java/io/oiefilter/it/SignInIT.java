package io.oiefilter.it;

import io.oiefilter.simulator.RequestLog;
import io.oiefilter.simulator.org.SignOnMode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static io.oiefilter.it.WebClient.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample WAR on Payara Micro, signing in against the simulator over HTTP. */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    private WebClient client() {
        return new WebClient(SampleDeployment.base(deployed));
    }

    private static void policy(SignOnMode mode) {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(mode);
    }

    /** Signs alice in with the identifier-first policy, returning the page she lands on. */
    private static HttpResponse<String> signInAsAlice(WebClient c) throws Exception {
        HttpResponse<String> passwordPage = identifyAsAlice(c);
        return c.follow(c.post("oie/answer", fields(passwordPage.body(), "passcode", ALICE_PASSWORD)));
    }

    private static HttpResponse<String> identifyAsAlice(WebClient c) throws Exception {
        policy(SignOnMode.IDENTIFIER_FIRST);
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        return c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
    }

    @Test
    void publicPageNeedsNoSignIn() throws Exception {
        HttpResponse<String> home = client().get("");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Welcome to the sample app"));
    }

    @Test
    void excludedPathsInsideProtectedOnesArePublic() throws Exception {
        HttpResponse<String> help = client().get("app/help.jsp");
        assertEquals(200, help.statusCode());
        assertTrue(help.body().contains("<h1 id=\"help\">Help</h1>"));
    }

    @Test
    void unauthenticatedBrowserIsSentToSignIn() throws Exception {
        HttpResponse<String> r = client().get("app/details.jsp?tab=claims", "Accept", "text/html,application/xhtml+xml");
        assertEquals(302, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/sample/oie/sign-in"), r.headers().toString());
    }

    @Test
    void apiClientsGet401NotARedirect() throws Exception {
        WebClient c = client();
        HttpResponse<String> json = c.get("api/me", "Accept", "application/json");
        assertEquals(401, json.statusCode());
        assertTrue(json.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("OIE realm="));
        assertTrue(json.body().contains("\"error\":\"unauthenticated\""), json.body());

        HttpResponse<String> xhr = c.get("app/", "X-Requested-With", "XMLHttpRequest");
        assertEquals(401, xhr.statusCode());
    }

    @Test
    void identifierFirstSignInReturnsToTheRequestedPage() throws Exception {
        policy(SignOnMode.IDENTIFIER_FIRST);
        RequestLog log = SimulatorExtension.simulator().requestLog();
        int answersBefore = log.countOf("challenge/answer");
        int tokensBefore = log.countOf("token");
        WebClient c = client();

        HttpResponse<String> signIn = c.follow(c.get("app/details.jsp?tab=claims"));
        assertEquals(200, signIn.statusCode());
        assertTrue(signIn.body().contains("name=\"identifier\""));
        assertFalse(signIn.body().contains("type=\"password\""), "identifier-first asks for the password later");
        String sessionBefore = c.sessionId().orElseThrow();

        HttpResponse<String> afterIdentify = c.post("oie/identify", fields(signIn.body(), "identifier", ALICE));
        assertEquals(302, afterIdentify.statusCode());
        HttpResponse<String> passwordPage = c.follow(afterIdentify);
        assertTrue(passwordPage.body().contains("type=\"password\""), passwordPage.body());

        HttpResponse<String> signedIn = c.post("oie/answer", fields(passwordPage.body(), "passcode", ALICE_PASSWORD));
        assertEquals(302, signedIn.statusCode());
        assertTrue(signedIn.headers().firstValue("Location").orElseThrow().endsWith("/sample/app/details.jsp?tab=claims"),
                "back on the page first asked for: " + signedIn.headers().firstValue("Location"));
        assertNotEquals(sessionBefore, c.sessionId().orElseThrow(), "the session id changes at sign-in");

        HttpResponse<String> details = c.follow(signedIn);
        assertEquals(200, details.statusCode());
        assertTrue(details.body().contains("Details for Alice Liddell"), details.body());
        assertTrue(details.body().contains("<span id=\"tab\">claims</span>"));

        HttpResponse<String> me = c.get("api/me", "Accept", "application/json");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"name\":\"alice@example.com\""), me.body());
        assertTrue(me.body().contains("\"admin\":true"), me.body());
        assertTrue(me.body().contains("\"authenticationScheme\":\"OIE\""), me.body());
        assertTrue(me.body().contains("\"email\":\"alice@example.com\""), me.body());
        assertTrue(me.body().contains("Admins"), me.body());
        assertTrue(me.body().contains("\"iss\":\"" + SimulatorExtension.simulator().issuer() + "\""), me.body());

        HttpResponse<String> home = c.get("app/");
        assertTrue(home.body().contains("Hello, Alice Liddell"), home.body());
        assertTrue(home.body().contains("You are an administrator"), home.body());
        assertEquals(answersBefore + 1, log.countOf("challenge/answer"));
        assertEquals(tokensBefore + 1, log.countOf("token"));
    }

    @Test
    void oneStepSignIn() throws Exception {
        policy(SignOnMode.ONE_STEP);
        try {
            WebClient c = client();
            HttpResponse<String> signIn = c.follow(c.get("app/"));
            assertTrue(signIn.body().contains("type=\"password\""), "one-step asks for both at once");
            HttpResponse<String> signedIn = c.post("oie/identify",
                    fields(signIn.body(), "identifier", ALICE, "password", ALICE_PASSWORD));
            assertEquals(302, signedIn.statusCode());
            HttpResponse<String> home = c.follow(signedIn);
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Hello, Alice Liddell"), home.body());
        } finally {
            policy(SignOnMode.IDENTIFIER_FIRST);
        }
    }

    @Test
    void wrongPasswordShowsAnErrorAndSignsNobodyIn() throws Exception {
        WebClient c = client();
        HttpResponse<String> passwordPage = identifyAsAlice(c);
        HttpResponse<String> refused = c.submit("oie/answer", fields(passwordPage.body(), "passcode", "not-her-password"));
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("The password is incorrect."), refused.body());
        assertTrue(refused.body().contains("type=\"password\""), "still on the password page");

        HttpResponse<String> app = c.get("app/");
        assertEquals(302, app.statusCode(), "no session was signed in");
        HttpResponse<String> api = c.get("api/me", "Accept", "application/json");
        assertEquals(401, api.statusCode());
    }

    @Test
    void wrongOneStepPasswordAndUnknownUserGetTheSamePage() throws Exception {
        policy(SignOnMode.ONE_STEP);
        try {
            WebClient c = client();
            HttpResponse<String> signIn = c.follow(c.get("app/"));
            HttpResponse<String> wrong = c.follow(c.post("oie/identify",
                    fields(signIn.body(), "identifier", ALICE, "password", "nope")));
            // The activation page offers no identify (a form posted there only shows the page again): a new visit.
            WebClient other = client();
            HttpResponse<String> unknown = other.follow(other.post("oie/identify",
                    fields(other.follow(other.get("app/")).body(), "identifier", "nobody@example.com", "password", "nope")));
            // With an activation strategy on, every failed identify gets the activation-code page, alike.
            for (HttpResponse<String> r : java.util.List.of(wrong, unknown)) {
                assertEquals(200, r.statusCode());
                assertTrue(r.body().contains("If this account is waiting to be activated"), r.body());
            }
            assertEquals(SampleDeployment.normalised(wrong.body(), ALICE), SampleDeployment.normalised(unknown.body(), "nobody@example.com"));
            // The login typed in comes back escaped into the form, never as markup.
            WebClient third = client();
            HttpResponse<String> xss = third.follow(third.post("oie/identify",
                    fields(third.follow(third.get("app/")).body(), "identifier", "<script>alert(1)</script>", "password", "x")));
            assertFalse(xss.body().contains("<script>alert(1)</script>"), xss.body());
            assertTrue(xss.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), xss.body());
        } finally {
            policy(SignOnMode.IDENTIFIER_FIRST);
        }
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        WebClient c = client();
        c.follow(c.get("app/"));
        HttpResponse<String> r = c.post("oie/identify", form("identifier", ALICE));
        assertEquals(403, r.statusCode());
        HttpResponse<String> forged = c.post("oie/identify", form("_csrf", "forged", "identifier", ALICE));
        assertEquals(403, forged.statusCode());
        assertFalse(forged.body().contains("Exception"), forged.body());
        for (String endpoint : java.util.List.of("answer", "new-password", "select", "resend", "skip", "forgot-password",
                "restart", "logout", "sign-up", "register")) {
            assertEquals(403, c.post("oie/" + endpoint, form("_csrf", "forged")).statusCode(), endpoint);
        }
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        WebClient c = client();
        HttpResponse<String> home = signInAsAlice(c);
        assertTrue(home.body().contains("Hello, Alice Liddell"));

        HttpResponse<String> out = c.post("oie/logout", fields(home.body()));
        assertEquals(302, out.statusCode());
        assertEquals(302, c.get("app/").statusCode(), "signed out: protected pages need sign-in again");
    }
}
