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

import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** oie.signUp.enabled=false: no sign-up even though the org's policy offers it. */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignUpDisabledIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war("oie.signUp.enabled=false", null, null);
    }

    @ArquillianResource
    URL deployed;

    @Test
    void noSignUpLinkAndNoSignUpForm() throws Exception {
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        assertTrue(signIn.body().contains("name=\"identifier\""), signIn.body());
        assertFalse(signIn.body().contains("oie-sign-up"), "no sign-up link");
        HttpResponse<String> tried = c.submit("oie/sign-up", fields(signIn.body()));
        assertTrue(tried.body().contains("Sign-up is not available here."), tried.body());
        assertFalse(tried.body().contains("Create your account"));
    }
}
