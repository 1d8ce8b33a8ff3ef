package io.oiefilter.it;

import io.oiefilter.simulator.org.SignOnMode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's asynchronous servlet ({@code /app/async}, answered on another thread, or dispatched from it to a JSP)
 * and asynchronous JAX-RS resource ({@code /api/async/me}, resumed from another thread) behind the filter as the
 * documented mapping has it (async-supported; REQUEST, ASYNC, ERROR): each answers with the signed-in user's name;
 * without a sign-in a browser goes to the sign-in page and comes back to the async page, an API client gets 401.
 * And on an ERROR dispatch the filter presents the user to the error page and never turns it into a redirect.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsyncIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Error pages under the protected /app/ (the test's only addition to the sample): shown, never a sign-in redirect.
        String errorPages = "<error-page><error-code>404</error-code><location>/app/oops.jsp</location></error-page>\n"
                + "  <error-page><error-code>500</error-code><location>/app/oops.jsp</location></error-page>\n  <welcome-file-list>";
        return SampleDeployment.war("oie.resendCooldownSeconds=30", "<welcome-file-list>", errorPages)
                .addAsWebResource(new StringAsset("<%@ page contentType=\"text/plain; charset=UTF-8\" %>error "
                        + "${requestScope['jakarta.servlet.error.status_code']} for [${pageContext.request.remoteUser}] "
                        + "${pageContext.request.dispatcherType}\n"), "app/oops.jsp")
                .addAsWebResource(new StringAsset("<% response.sendError(500); %>"), "app/boom.jsp");
    }

    @ArquillianResource
    URL deployed;

    @BeforeEach
    void identifierFirst() {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    /** A browser sent from {@code path} to sign in, signing in as Alice; the page it comes back to. */
    private HttpResponse<String> signInFrom(WebClient c, String path) throws Exception {
        HttpResponse<String> redirected = c.get(path, "Accept", "text/html");
        assertEquals(302, redirected.statusCode(), redirected.body());
        assertTrue(redirected.headers().firstValue("Location").orElseThrow().endsWith("/oie/sign-in"),
                redirected.headers().map().toString());
        HttpResponse<String> signIn = c.follow(redirected);
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        return c.follow(c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
    }

    @Test
    void theAsyncServletAnswersTheSignedInUserFromAnotherThread() throws Exception {
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        HttpResponse<String> back = signInFrom(c, "app/async");
        assertEquals(200, back.statusCode(), back.body());
        assertEquals("Hello " + ALICE + ", answered on another thread: true\n", back.body(), "back on the async page, as Alice");
        assertEquals("no-store", back.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<String> dispatched = c.get("app/async?dispatch", "Accept", "text/html");
        assertEquals(200, dispatched.statusCode(), dispatched.body());
        assertTrue(dispatched.body().contains("<strong id=\"remote-user\">" + ALICE + "</strong>"), "the ASYNC dispatch knows her:\n"
                + dispatched.body());
        assertTrue(dispatched.body().contains("<span id=\"dispatcher-type\">ASYNC</span>"), dispatched.body());
        assertFalse(dispatched.body().contains("<span id=\"dispatched-from\"></span>"), "the worker thread put its name there");
    }

    @Test
    void theAsyncResourceAnswersTheSignedInUserFromAnotherThread() throws Exception {
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        assertEquals(200, signInFrom(c, "app/").statusCode());
        HttpResponse<String> me = c.get("api/async/me", "Accept", "application/json");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"name\":\"" + ALICE + "\"") && me.body().contains("\"otherThread\":true"), me.body());
        assertTrue(me.headers().firstValue("Cache-Control").orElse("").contains("no-store"), me.headers().map().toString());
    }

    @Test
    void withoutASignInBrowsersGoToSignInAndApiClientsGet401() throws Exception {
        for (String path : new String[] {"app/async", "app/async?dispatch", "api/async/me"}) {
            WebClient c = new WebClient(SampleDeployment.base(deployed));
            HttpResponse<String> browser = c.get(path, "Accept", "text/html");
            assertEquals(302, browser.statusCode(), path + ": " + browser.body());
            assertTrue(browser.headers().firstValue("Location").orElseThrow().endsWith("/oie/sign-in"), path);
            HttpResponse<String> api = c.get(path, "Accept", "application/json");
            assertEquals(401, api.statusCode(), path + ": " + api.body());
            assertTrue(api.headers().firstValue("WWW-Authenticate").orElse("").startsWith("OIE "), path);
            assertFalse(api.body().contains("Hello") || api.body().contains("\"name\""), path + ": " + api.body());
        }
    }

    @Test
    void anErrorPageKnowsTheUserAndIsNeverASignInRedirect() throws Exception {
        WebClient anonymous = new WebClient(SampleDeployment.base(deployed));
        HttpResponse<String> missing = anonymous.get("no-such-page", "Accept", "text/html");
        assertEquals(404, missing.statusCode(), "the error page of a public path, though it lives under /app/: " + missing.body());
        assertTrue(missing.body().startsWith("error 404 for [] ERROR"), missing.body());

        WebClient c = new WebClient(SampleDeployment.base(deployed));
        assertEquals(200, signInFrom(c, "app/").statusCode());
        HttpResponse<String> boom = c.get("app/boom.jsp", "Accept", "text/html");
        assertEquals(500, boom.statusCode(), boom.body());
        assertTrue(boom.body().startsWith("error 500 for [" + ALICE + "] ERROR"), "the error page knows her: " + boom.body());
    }
}
