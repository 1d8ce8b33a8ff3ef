package io.oiefilter.it;

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

/** A bad setting must not leave the application open: the filter fails closed, every request gets 503. */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MisconfiguredIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war("oie.resendCooldownSeconds=forever", null, null);
    }

    @ArquillianResource
    URL deployed;

    @Test
    void nothingIsServedAndNothingIsToldToTheBrowser() throws Exception {
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        for (String path : new String[] {"app/details.jsp", "api/me", "", "oie/sign-in"}) {
            HttpResponse<String> r = c.get(path);
            assertEquals(503, r.statusCode(), path);
            assertTrue(r.body().contains("This application is not available"), r.body());
            assertFalse(r.body().contains("oie.resendCooldownSeconds") || r.body().contains("Details for"), r.body());
        }
    }
}
