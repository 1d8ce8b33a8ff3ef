package io.oiefilter.it;

import io.oiefilter.it.cdi.ActivationAudit;
import io.oiefilter.it.cdi.AuditedActivationStrategy;
import io.oiefilter.it.servers.ServerProcess;
import io.oiefilter.it.servers.WildFly;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core journeys on WildFly (the distribution from Maven Central), the sample WAR unchanged; and,
 * in the same server start, a second app showing what WildFly changes for the filter: there is no
 * JCache, so the throttles count in the filter's default in-memory store, and the activation
 * strategy named in web.xml comes from CDI (Weld), injections and all.
 */
class WildFlyIT extends CoreJourneys {
    /** The sample with a CDI bean as its activation strategy, and the attempt store left at its default. */
    private static final String CDI_APP = "cdi-strategy";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static WildFly server;
    private static URI base;
    private static URI cdiBase;

    @BeforeAll
    static void startWildFly() throws Exception {
        int port = ServerProcess.freePort();
        server = WildFly.installed("wildfly", port);
        base = start(server, List.of(Path.of(System.getProperty("it.sampleWar")), cdiStrategyWar()), port, "sample");
        cdiBase = server.base(CDI_APP);
    }

    /** Built with ShrinkWrap from the sample WAR, written under target/servers/ for WildFly's deployments folder. */
    private static Path cdiStrategyWar() throws Exception {
        Path file = ServerProcess.logDirectory().resolve("wildfly-wars").resolve(CDI_APP + ".war");
        Files.createDirectories(file.getParent());
        SampleDeployment.war("oie.activation.maxStartsPerLogin=2", "io.oiefilter.sample.ExampleDomainActivationStrategy",
                        AuditedActivationStrategy.class.getName())
                .addClasses(AuditedActivationStrategy.class, ActivationAudit.class)
                .as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected URI sampleBase() {
        return base;
    }

    private static OrgUser provisioned(String domain) {
        String login = "it.wildfly." + USERS.incrementAndGet() + "." + cdiBase.getPort() + domain;
        return sim().org().createUser(login, login, "Wild", "Fly" + USERS.get(), List.of(), null, UserStatus.PROVISIONED,
                false, Instant.now());
    }

    /** Signs in to the CDI app as {@code login}, which Okta refuses: the activation page. */
    private static HttpResponse<String> failedIdentify(WebClient c, String login) throws Exception {
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        HttpResponse<String> page = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", login)));
        assertTrue(page.body().contains("If this account is waiting to be activated"), "the same page every time:\n" + page.body());
        return page;
    }

    @Test
    void theActivationStrategyIsTheCdiBeanWithItsInjections() throws Exception {
        // The sample's own strategy leaves other domains alone; the CDI bean activates any. Made
        // without CDI (no-argument constructor) it would fail on its missing injection: no email.
        OrgUser u = provisioned("@elsewhere.test");
        WebClient c = new WebClient(cdiBase);
        HttpResponse<String> codePage = failedIdentify(c, u.login());
        HttpResponse<String> password = c.follow(c.post("oie/answer", fields(codePage.body(), "passcode",
                Outbox.code(u.email()))));
        assertTrue(password.body().contains("<title>Set up a password</title>"), password.body());
    }

    @Test
    void activationStartsPerLoginAreCountedWithoutJCache() throws Exception {
        OrgUser u = provisioned("@example.com");
        for (int n = 0; n < 3; n++) {
            WebClient c = new WebClient(cdiBase); // a new session each time: the count is the store's, not the session's
            HttpResponse<String> page = failedIdentify(c, u.login());
            c.post("oie/answer", fields(page.body(), "passcode", "000000")); // joins the background work
        }
        assertEquals(2, sim().outbox().to(u.email()).size(), "oie.activation.maxStartsPerLogin is 2 here: the third sent nothing");
    }

    @Test
    void aNewCodeWaitsForTheResendCooldownWithoutJCache() throws Exception {
        OrgUser u = provisioned("@example.com");
        WebClient c = new WebClient(cdiBase);
        HttpResponse<String> page = failedIdentify(c, u.login());
        Outbox.latest(u.email());
        HttpResponse<String> early = c.submit("oie/resend", fields(page.body()));
        assertTrue(early.body().contains("It is too soon to ask for another code."), early.body());
        assertEquals(1, sim().outbox().to(u.email()).size());
    }
}
