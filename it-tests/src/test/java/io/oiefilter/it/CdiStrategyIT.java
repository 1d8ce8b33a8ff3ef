package io.oiefilter.it;

import io.oiefilter.it.cdi.ActivationAudit;
import io.oiefilter.it.cdi.AuditedActivationStrategy;
import io.oiefilter.simulator.org.OrgUser;
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

import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An activation strategy named by class is taken from CDI when CDI has it, injections and all; and
 * the throttles count in the JCache that CDI offers.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CdiStrategyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Also: throttle counts in the server's JCache, which CDI hands out (on Payara: its own Hazelcast).
        return SampleDeployment.war("oie.activation.attemptStore=jcache", "io.oiefilter.sample.ExampleDomainActivationStrategy",
                AuditedActivationStrategy.class.getName()).addClasses(AuditedActivationStrategy.class, ActivationAudit.class);
    }

    @ArquillianResource
    URL deployed;

    @Test
    void theCdiBeanRunsWithItsInjections() throws Exception {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        OrgUser u = SimulatorExtension.simulator().org().createUser("cdi.pat@elsewhere.test", "cdi.pat@elsewhere.test", "Cdi", "Pat",
                List.of(), null, UserStatus.PROVISIONED, false, Instant.now());
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        HttpResponse<String> codePage = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", u.login())));
        assertTrue(codePage.body().contains("If this account is waiting to be activated"), codePage.body());
        // The sample's own strategy would leave this domain alone; the CDI one activates it.
        assertEquals(1, SimulatorExtension.simulator().outbox().to(u.email()).size(), "the CDI strategy started activation");
    }
}
