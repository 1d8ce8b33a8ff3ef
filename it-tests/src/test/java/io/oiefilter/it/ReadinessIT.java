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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readiness check's operator view on Payara Micro, the sample WAR with it on ({@code oie.readiness.path}) against the
 * simulator's good org: 200 and every check OK, as JSON and as a page; only for loopback clients.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadinessIT {
    static final List<String> CHECKS = List.of("discovery", "interact", "management-api", "email-enrollment");

    @Deployment(testable = false)
    static WebArchive deployment() {
        // 127.0.0.1 is this test's "proxy": a forwarded address then decides who the client is.
        return SampleDeployment.war("oie.readiness.path=/oie/readiness,oie.trustedProxies=127.0.0.1", null, null);
    }

    @ArquillianResource
    URL deployed;

    @Test
    void aGoodOrgIsReadyAsJson() throws Exception {
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        for (String[] ask : List.of(new String[] {"oie/readiness", "Accept", "application/json"},
                new String[] {"oie/readiness?format=json", "Accept", "*/*"})) {
            HttpResponse<String> r = c.get(ask[0], ask[1], ask[2]);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
            assertTrue(r.body().startsWith("{\"ready\":true,\"checkedAt\":\""), r.body());
            for (String check : CHECKS) {
                assertTrue(r.body().contains("{\"name\":\"" + check + "\",\"status\":\"OK\""), check + " in " + r.body());
            }
            assertFalse(r.body().contains(SampleSettings.CLIENT_SECRET) || r.body().contains(SampleSettings.API_TOKEN), r.body());
        }
    }

    @Test
    void aGoodOrgIsReadyAsAPage() throws Exception {
        HttpResponse<String> r = new WebClient(SampleDeployment.base(deployed)).get("oie/readiness", "Accept", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("<h1>Ready</h1>"), r.body());
        for (String check : CHECKS) {
            assertTrue(r.body().contains("<th scope=\"row\">" + check + "</th><td class=\"ok\">OK</td>"), check + " in " + r.body());
        }
    }

    /** Through the trusted proxy for someone elsewhere: the page does not exist for them; for a loopback client it does. */
    @Test
    void onlyLoopbackClientsSeeIt() throws Exception {
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        HttpResponse<String> outside = c.get("oie/readiness?format=json", "X-Forwarded-For", "203.0.113.9");
        assertEquals(404, outside.statusCode());
        assertFalse(outside.body().contains("ready") || outside.body().contains("interact"), outside.body());
        assertEquals(200, c.get("oie/readiness?format=json", "X-Forwarded-For", "127.0.0.1").statusCode());
    }

    /** MicroProfile Health on Payara: the filter's readiness check is there, UP, and says nothing more while it is off. */
    @Test
    void payarasHealthSeesTheCheckButOffByDefaultItIsUp() throws Exception {
        HttpResponse<String> r = new WebClient(SampleDeployment.base(deployed).resolve("/")).get("health/ready");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().replace(" ", "").contains("{\"name\":\"oie-filter-readiness\",\"status\":\"UP\",\"data\":{}}"), r.body());
    }

    /** The view is not the sign-in's: another path under the sign-in's base is still the sign-in's. */
    @Test
    void otherPathsAreUnchanged() throws Exception {
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        assertEquals(302, c.get("app/details.jsp").statusCode(), "a protected page still asks for sign-in");
    }
}
