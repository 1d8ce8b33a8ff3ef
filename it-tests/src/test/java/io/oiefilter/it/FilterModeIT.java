package io.oiefilter.it;

import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An app that does not turn container security on (the sample without its {@code SampleSignIn} bean) on
 * a server that has Jakarta Security: the filter alone knows the user, as before this mode existed, though
 * the filter's CDI extension is loaded. The container knows nobody: its constraint and the EJB refuse, and
 * a CDI bean's {@code @RolesAllowed} is left unchecked, as Jakarta EE 10 leaves it.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilterModeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = SampleDeployment.war();
        war.delete("/WEB-INF/classes/io/oiefilter/sample/security/SampleSignIn.class");
        return war;
    }

    @ArquillianResource
    URL deployed;

    private WebClient signedIn(String login, String password) throws Exception {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        HttpResponse<String> passwordPage = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", login)));
        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(passwordPage.body(), "passcode", password)));
        assertTrue(home.body().contains("Signed in as"), home.body());
        return c;
    }

    @Test
    void theFilterKnowsTheUserAndTheContainerDoesNot() throws Exception {
        WebClient c = signedIn(ALICE, ALICE_PASSWORD);
        HttpResponse<String> me = c.get("api/me", "Accept", "application/json");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"admin\":true"), "the filter's roles: " + me.body());
        HttpResponse<String> admin = c.get("app/admin/", "Accept", "text/html");
        assertTrue(admin.statusCode() == 401 || admin.statusCode() == 403, "the container's constraint knows nobody: " + admin.statusCode());
        assertTrue(!admin.body().contains("admin-title"), admin.body());
        assertEquals(403, c.get("api/admin/report", "Accept", "application/json").statusCode(), "the EJB sees an anonymous caller");
    }

    @Test
    void aCdiBeansRolesAreNotCheckedWithoutContainerSecurity() throws Exception {
        String login = "it.filtermode.reader@example.com";
        SimulatorExtension.simulator().org().createUser(login, login, "Fil", "Ter", List.of("Readers"), "Reading-Room-2026",
                UserStatus.ACTIVE, true, Instant.now());
        HttpResponse<String> notes = signedIn(login, "Reading-Room-2026").get("api/admin/notes", "Accept", "application/json");
        assertEquals(200, notes.statusCode(), "as before: nothing checks @RolesAllowed on a CDI bean: " + notes.body());
        assertTrue(notes.body().contains("a caller the container does not know"), notes.body());
    }
}
