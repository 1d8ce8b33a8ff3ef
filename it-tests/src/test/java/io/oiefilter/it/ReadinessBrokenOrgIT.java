package io.oiefilter.it;

import io.oiefilter.it.servers.SampleSettings;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample with a wrong client secret, as a new user's first try often is: it starts, and its readiness view says
 * 503 and names the failure and the setting, before anyone has tried to sign in.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadinessBrokenOrgIT {
    private static final String WRONG_SECRET = "wrong-client-secret-for-the-readiness-it";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war("oie.readiness.path=/ops/ready,oie.readiness.health=true,okta.oauth2.clientSecret=" + WRONG_SECRET, null, null);
    }

    @ArquillianResource
    URL deployed;

    @Test
    void aWrongClientSecretIsNamedWith503() throws Exception {
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        HttpResponse<String> json = c.get("ops/ready", "Accept", "application/json");
        assertEquals(503, json.statusCode(), json.body());
        assertTrue(json.body().startsWith("{\"ready\":false,"), json.body());
        assertTrue(json.body().contains("{\"name\":\"discovery\",\"status\":\"OK\""), json.body());
        assertTrue(json.body().contains("{\"name\":\"interact\",\"status\":\"FAILED\",\"detail\":\"Okta refused the client secret: "
                + "check okta.oauth2.clientSecret"), json.body());
        HttpResponse<String> page = c.get("ops/ready");
        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("<h1>Not ready</h1>"), page.body());
        assertTrue(page.body().contains("<td class=\"failed\">FAILED</td><td>Okta refused the client secret"), page.body());
        for (String body : new String[] {json.body(), page.body()}) {
            assertFalse(body.contains(WRONG_SECRET) || body.contains(SampleSettings.CLIENT_SECRET), "no secret shown");
        }
    }

    /** With oie.readiness.health on, Payara's MicroProfile Health says DOWN and which check failed, without details. */
    @Test
    void payarasHealthIsDownWithTheFailedCheck() throws Exception {
        HttpResponse<String> r = new WebClient(SampleDeployment.base(deployed).resolve("/")).get("health/ready");
        assertEquals(503, r.statusCode(), r.body());
        String body = r.body().replace(" ", "").replace("\n", "");
        assertTrue(body.contains("\"name\":\"oie-filter-readiness\",\"status\":\"DOWN\""), r.body());
        assertTrue(body.contains("\"interact\":\"FAILED\""), r.body());
        assertFalse(r.body().contains("okta.oauth2") || r.body().contains(WRONG_SECRET), "the details stay in the operator view");
    }
}
