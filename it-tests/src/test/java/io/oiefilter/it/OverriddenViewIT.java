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

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static io.oiefilter.it.WebClient.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An app replaces the filter's sign-in page by putting its own JSP at the documented path. */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OverriddenViewIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war().addAsWebInfResource("override/sign-in.jsp", "oie/sign-in.jsp");
    }

    @ArquillianResource
    URL deployed;

    @Test
    void theAppsOwnSignInPageIsUsedAndWorks() throws Exception {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow()
                .signOnMode(io.oiefilter.simulator.org.SignOnMode.IDENTIFIER_FIRST);
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        assertTrue(signIn.body().contains("<h1 id=\"acme\">Welcome to Acme</h1>"), signIn.body());
        assertFalse(signIn.body().contains("oie-identify"), "the filter's own page is not used");

        HttpResponse<String> passwordPage = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        assertTrue(passwordPage.body().contains("Enter your password"), "pages not overridden still come from the jar");
        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(passwordPage.body(), "passcode", ALICE_PASSWORD)));
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Hello, Alice Liddell"), home.body());
    }
}
