package io.oiefilter.it;

import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calls each flow makes to Okta, counted by the simulator per endpoint: the protocol's minimum and
 * nothing more. Counts are deterministic; the figures are BENCHMARKS.md's table. Each test signs in once
 * first, so the discovery document and the keys (fetched once per application) are not counted.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OktaCallsIT {
    private static int users;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    private static Simulator sim() {
        return SimulatorExtension.simulator();
    }

    private WebClient client() {
        return new WebClient(SampleDeployment.base(deployed));
    }

    @BeforeEach
    void warmUp() throws Exception {
        WebClient c = client();
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(c.follow(c.get("app/")).body(), "identifier", ALICE)));
        c.follow(c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD)));
        sim().requestLog().reset();
    }

    @AfterEach
    void identifierFirstAgain() {
        sim().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    private static Map<String, Integer> calls(Object... endpointAndCount) {
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < endpointAndCount.length; i += 2) {
            expected.put((String) endpointAndCount[i], (Integer) endpointAndCount[i + 1]);
        }
        return expected;
    }

    private static int total(Map<String, Integer> calls) {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void assertCalls(Map<String, Integer> expected, String flow) {
        Map<String, Integer> made = sim().requestLog().snapshot();
        assertEquals(expected, made, flow + ": " + total(made) + " calls to Okta where the protocol needs " + total(expected));
    }

    private HttpResponse<String> signedIn(WebClient c, HttpResponse<String> passwordPage, String password) throws Exception {
        HttpResponse<String> home = c.follow(c.post("oie/answer", fields(passwordPage.body(), "passcode", password)));
        assertTrue(home.body().contains("Hello, Alice Liddell"), home.body());
        return home;
    }

    @Test
    void passwordSignInMakesFive() throws Exception {
        WebClient c = client();
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(c.follow(c.get("app/")).body(), "identifier", ALICE)));
        signedIn(c, password, ALICE_PASSWORD);
        assertCalls(calls("interact", 1, "introspect", 1, "identify", 1, "challenge/answer", 1, "token", 1), "password sign-in");
    }

    @Test
    void oneStepSignInMakesFour() throws Exception {
        sim().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.ONE_STEP);
        WebClient c = client();
        HttpResponse<String> signIn = c.follow(c.get("app/"));
        HttpResponse<String> home = c.follow(c.post("oie/identify", fields(signIn.body(), "identifier", ALICE,
                "password", ALICE_PASSWORD)));
        assertTrue(home.body().contains("Hello, Alice Liddell"), home.body());
        assertCalls(calls("interact", 1, "introspect", 1, "identify", 1, "token", 1), "one-step sign-in");
    }

    @Test
    void aWrongPasswordThenTheRightOneMakesSix() throws Exception {
        WebClient c = client();
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(c.follow(c.get("app/")).body(), "identifier", ALICE)));
        HttpResponse<String> again = c.follow(c.post("oie/answer", fields(password.body(), "passcode", "not-her-password")));
        assertTrue(again.body().contains("<title>Enter your password</title>"), again.body());
        signedIn(c, again, ALICE_PASSWORD);
        assertCalls(calls("interact", 1, "introspect", 1, "identify", 1, "challenge/answer", 2, "token", 1),
                "a wrong password, then the right one");
    }

    @Test
    void theActivationOfAProvisionedUserMakesTwelve() throws Exception {
        String login = "it.calls." + (++users) + "@example.com";
        OrgUser u = sim().org().createUser(login, login, "Counted", "User", List.of(), null, UserStatus.PROVISIONED, false,
                Instant.now());
        WebClient c = client();
        HttpResponse<String> codePage = c.follow(c.post("oie/identify", fields(c.follow(c.get("app/")).body(), "identifier", login)));
        assertTrue(codePage.body().contains("If this account is waiting to be activated"), codePage.body());
        HttpResponse<String> password = c.follow(c.post("oie/answer", fields(codePage.body(), "passcode", Outbox.code(u.email()))));
        assertTrue(password.body().contains("<title>Set up a password</title>"), password.body());
        HttpResponse<String> landed = c.follow(c.post("oie/new-password", fields(password.body(), "password", "Activated-2026",
                "confirmPassword", "Activated-2026")));
        assertTrue(landed.body().contains("Hello, Counted User"), landed.body());
        assertEquals(UserStatus.ACTIVE, u.status());
        // interact, introspect, identify (refused); the user looked up and reactivated; then the activation token's
        // transaction: interact, introspect, the email enrolled and its code answered, the password enrolled and set, token.
        assertCalls(calls("interact", 2, "introspect", 2, "identify", 1, "users", 2, "credential/enroll", 2,
                "challenge/answer", 2, "token", 1), "the activation of a PROVISIONED user");
    }

    /** The sample keeps no token to revoke (no offline_access, no access token asked for): Okta's end-session only. */
    @Test
    void signOutMakesOne() throws Exception {
        WebClient c = client();
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(c.follow(c.get("app/")).body(), "identifier", ALICE)));
        HttpResponse<String> home = signedIn(c, password, ALICE_PASSWORD);
        sim().requestLog().reset();
        HttpResponse<String> back = c.follow(c.post("oie/logout", fields(home.body())));
        assertTrue(back.body().contains("You have signed out"), back.body());
        assertCalls(calls("logout", 1), "sign-out");
    }
}
