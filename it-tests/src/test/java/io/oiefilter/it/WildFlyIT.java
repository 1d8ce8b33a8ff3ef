package io.oiefilter.it;

import io.oiefilter.it.servers.ServerProcess;
import io.oiefilter.it.servers.WildFly;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core journeys on WildFly (the distribution from Maven Central), the sample WAR unchanged; and,
 * in the same server start, two more apps for what WildFly changes: there is no JCache, so the
 * throttles count in the filter's default in-memory store; the activation strategy named in web.xml
 * comes from CDI (Weld), injections and all; and the README's recipe for running the Okta SDKs on the
 * WAR's own Jackson rather than WildFly's works.
 */
class WildFlyIT extends CoreJourneys {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static WildFly server;
    private static URI base;
    private static URI cdiBase;
    private static URI ownJacksonBase;

    @BeforeAll
    static void startWildFly() throws Exception {
        int port = ServerProcess.freePort();
        server = WildFly.installed("wildfly", port);
        Path wars = ServerProcess.logDirectory().resolve("wildfly-wars");
        base = start(server, List.of(Path.of(System.getProperty("it.sampleWar")), WildFlyWars.cdiStrategy(wars),
                WildFlyWars.ownJackson(wars)), port, "sample");
        cdiBase = server.base(WildFlyWars.CDI_STRATEGY);
        ownJacksonBase = server.base(WildFlyWars.OWN_JACKSON);
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

    @Test
    void withTheReadmesExclusionsTheSdksRunOnTheWarsOwnJackson() throws Exception {
        WebClient c = new WebClient(ownJacksonBase);
        HttpResponse<String> jackson = c.get("jackson.jsp");
        assertTrue(jackson.body().contains("/WEB-INF/lib/jackson-databind-"), "not WildFly's module: " + jackson.body());
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
        assertTrue(home.body().contains("Hello, Alice Liddell"), home.body());
        HttpResponse<String> me = c.get("api/me", "Accept", "application/json");
        assertEquals(200, me.statusCode(), "JAX-RS still writes JSON (JSON-B now): " + me.body());
        assertTrue(me.body().contains("\"name\":\"alice@example.com\""), me.body());
    }
}
