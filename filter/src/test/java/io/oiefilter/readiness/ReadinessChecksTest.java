package io.oiefilter.readiness;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.mgmt.okta.OktaManagementPort;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.spi.PluggableParts;
import io.oiefilter.log.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each readiness check against the simulator over HTTP, in the good org and in each broken state an admin commonly
 * leaves an org in: the result, the one log line naming the setting or the console step, and never a secret.
 */
class ReadinessChecksTest {
    static final String API_TOKEN = "00demo-management-api-token-not-for-production";
    static final String READ_ONLY_TOKEN = "00read-only-admin-token-not-for-production";
    static final String WRONG_TOKEN = "00-wrong-token-value-for-readiness";
    static final String WRONG_SECRET = "wrong-client-secret-not-for-production";
    private static final String CALLBACK = "http://localhost:8080/sample/authorization-code/callback";

    private Simulator sim;
    private CapturedLog log;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        log = CapturedLog.of("io.oiefilter");
    }

    @AfterEach
    void stop() {
        log.close();
        sim.stop();
    }

    /** The filter's readiness check for these settings, its parts resolved as the filter resolves them. */
    private Readiness readiness(String... settings) {
        OieConfig config = SimulatorFixture.config(sim, settings);
        PluggableParts parts = new PluggableParts(config, getClass().getClassLoader(),
                () -> new OktaManagementPort(config.managementOrgUrl(), config.managementToken().orElseThrow(), config.httpTimeout()));
        return Readiness.of(config, parts.strategy(), parts.codeSender(),
                () -> new OktaManagementPort(config.managementOrgUrl(), config.managementToken().orElseThrow(), config.httpTimeout()));
    }

    private ReadinessReport check(String... settings) {
        ReadinessReport report = readiness(settings).check();
        String all = report.json() + logLines();
        for (String secret : List.of(SimulatorFixture.SECRET, WRONG_SECRET, API_TOKEN, READ_ONLY_TOKEN, WRONG_TOKEN)) {
            assertFalse(all.contains(secret), "no secret or token in the report or the log");
        }
        return report;
    }

    private static Map<String, CheckResult> byName(ReadinessReport report) {
        return report.checks().stream().collect(Collectors.toMap(CheckResult::name, Function.identity()));
    }

    private static CheckResult result(ReadinessReport report, String name, CheckResult.Status status, String... parts) {
        CheckResult r = byName(report).get(name);
        assertEquals(status, r.status(), () -> name + ": " + r.detail());
        for (String part : parts) {
            assertTrue(r.detail().contains(part), () -> name + " names '" + part + "': " + r.detail());
        }
        return r;
    }

    private String logLines() {
        return log.records().stream().map(CapturedLog::format)
                .collect(Collectors.joining("\n"));
    }

    /** The one warning about this check, and the summary that names it; "oie-filter ready" is never said. */
    private void warned(String name, String... parts) {
        List<String> warnings = log.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> MessageFormat.format(r.getMessage(), r.getParameters())).toList();
        List<String> about = warnings.stream().filter(w -> w.startsWith("oie-filter readiness: " + name + " FAILED: ")).toList();
        assertEquals(1, about.size(), () -> "one line about " + name + ": " + warnings);
        for (String part : parts) {
            assertTrue(about.get(0).contains(part), () -> "the line names '" + part + "': " + about.get(0));
        }
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("oie-filter NOT ready: ") && w.contains(name)), warnings::toString);
        assertFalse(logLines().contains("oie-filter ready"), "not ready, so not said");
        assertTrue(log.records().stream().noneMatch(r -> r.getThrown() != null), "no stack trace");
    }

    @Test
    void aGoodOrgWithoutActivationIsReady() {
        ReadinessReport report = check();
        assertTrue(report.ready(), report::json);
        result(report, "discovery", CheckResult.Status.OK, sim.issuer(), "signing key");
        result(report, "interact", CheckResult.Status.OK, SimulatorFixture.CLIENT_ID, CALLBACK);
        result(report, "management-api", CheckResult.Status.SKIPPED);
        result(report, "email-enrollment", CheckResult.Status.SKIPPED);
        assertTrue(logLines().contains("oie-filter ready: the org passed every readiness check (passed: discovery, interact; "
                + "skipped: management-api, email-enrollment)"), this::logLines);
    }

    @Test
    void aGoodOrgWithManagementApiActivationPassesEveryCheck() {
        ReadinessReport report = check(OieConfig.MANAGEMENT_TOKEN, API_TOKEN);
        assertTrue(report.ready(), report::json);
        assertTrue(report.checks().stream().allMatch(c -> c.status() == CheckResult.Status.OK), report::json);
        result(report, "email-enrollment", CheckResult.Status.OK, "Default Policy");
        assertTrue(sim.outbox().all().isEmpty(), "the probes email nobody");
    }

    @Test
    void aWrongClientSecret() {
        ReadinessReport report = check(OieConfig.CLIENT_SECRET, WRONG_SECRET);
        assertFalse(report.ready());
        result(report, "discovery", CheckResult.Status.OK);
        result(report, "interact", CheckResult.Status.FAILED, "Okta refused the client secret", OieConfig.CLIENT_SECRET,
                "HTTP 401 invalid_client");
        warned("interact", "check okta.oauth2.clientSecret");
    }

    @Test
    void aWrongClientId() {
        ReadinessReport report = check(OieConfig.CLIENT_ID, "0oa-no-such-app");
        result(report, "interact", CheckResult.Status.FAILED, "no app with this client id", OieConfig.CLIENT_ID, "invalid_client");
        warned("interact", OieConfig.CLIENT_ID);
    }

    @Test
    void theAppWithoutTheInteractionCodeGrant() {
        sim.org().addApp(new OrgApp("0oa-no-interaction-code", SimulatorFixture.SECRET, "No interaction code",
                List.of(CALLBACK), List.of(), List.of("authorization_code", "refresh_token"), SignOnMode.IDENTIFIER_FIRST, false));
        ReadinessReport report = check(OieConfig.CLIENT_ID, "0oa-no-interaction-code");
        result(report, "interact", CheckResult.Status.FAILED, "the app does not allow the Interaction Code grant",
                "Applications > (this app) > General > Allowed grant types", "unauthorized_client");
        warned("interact", "Allowed grant types");
    }

    @Test
    void theAccessPolicyRuleWithoutTheInteractionCodeGrant() {
        sim.org().accessPolicyGrantTypes(List.of("authorization_code", "refresh_token"));
        ReadinessReport report = check();
        result(report, "interact", CheckResult.Status.FAILED, "no access policy rule", "idx.error.code.no_matching_policy",
                "Security > API > Authorization Servers > (server) > Access Policies > (rule) > tick Interaction Code");
        warned("interact", "Access Policies");
    }

    @Test
    void aRedirectUriTheAppDoesNotList() {
        ReadinessReport report = check(OieConfig.REDIRECT_URI, "https://app.example.com/not-registered");
        result(report, "interact", CheckResult.Status.FAILED, "Okta refused the redirect URI https://app.example.com/not-registered",
                "Sign-in redirect URIs", OieConfig.REDIRECT_URI, "invalid_request");
        warned("interact", OieConfig.REDIRECT_URI);
    }

    @Test
    void anIssuerWithAWrongAuthorizationServer() {
        ReadinessReport report = check(OieConfig.ISSUER, sim.baseUri() + "/oauth2/wrong");
        result(report, "discovery", CheckResult.Status.FAILED, "no authorization server answers at " + sim.baseUri() + "/oauth2/wrong",
                "HTTP 404", OieConfig.ISSUER);
        warned("discovery", OieConfig.ISSUER);
    }

    @Test
    void anIssuerThatIsNotTheServersOwnName() {
        String other = sim.issuer().replace("127.0.0.1", "localhost");
        ReadinessReport report = check(OieConfig.ISSUER, other);
        result(report, "discovery", CheckResult.Status.FAILED, "calls itself " + sim.issuer() + ", not " + other, OieConfig.ISSUER);
    }

    @Test
    void anUnreachableIssuer() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ReadinessReport report = check(OieConfig.ISSUER, "http://127.0.0.1:" + closed + "/oauth2/default");
        result(report, "discovery", CheckResult.Status.FAILED, "cannot reach http://127.0.0.1:" + closed, OieConfig.ISSUER);
        result(report, "interact", CheckResult.Status.FAILED, "cannot reach");
    }

    @Test
    void aWrongManagementApiToken() {
        ReadinessReport report = check(OieConfig.MANAGEMENT_TOKEN, WRONG_TOKEN);
        result(report, "interact", CheckResult.Status.OK);
        result(report, "management-api", CheckResult.Status.FAILED, "Okta refused the API token", OieConfig.MANAGEMENT_TOKEN,
                "HTTP 401 E0000011");
        result(report, "email-enrollment", CheckResult.Status.FAILED, "HTTP 401", OieConfig.MANAGEMENT_TOKEN);
        warned("management-api", OieConfig.MANAGEMENT_TOKEN);
    }

    @Test
    void aReadOnlyAdministratorsTokenIsToldApart() {
        sim.org().addReadOnlyApiToken(READ_ONLY_TOKEN);
        ReadinessReport report = check(OieConfig.MANAGEMENT_TOKEN, READ_ONLY_TOKEN);
        result(report, "management-api", CheckResult.Status.FAILED, "lacks the permission for reactivate",
                "Super or Org Administrator", "HTTP 403 E0000006");
        result(report, "email-enrollment", CheckResult.Status.OK); // reading the policy is allowed
        warned("management-api", "Read-only Administrator");
        assertEquals(io.oiefilter.simulator.org.UserStatus.PROVISIONED, sim.org().userByLogin("pat@example.com").orElseThrow().status());
    }

    @Test
    void anEnrollmentPolicyWithoutEmail() {
        sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.NOT_ALLOWED);
        ReadinessReport report = check(OieConfig.MANAGEMENT_TOKEN, API_TOKEN);
        result(report, "management-api", CheckResult.Status.OK);
        result(report, "email-enrollment", CheckResult.Status.FAILED, "no enrollment policy offers the email authenticator",
                "Security > Authenticators > Enrollment", OieConfig.SMTP_HOST);
        warned("email-enrollment", "Security > Authenticators > Enrollment");
    }

    @Test
    void aCodeSenderStandsInForTheEmailAuthenticator() {
        sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.NOT_ALLOWED);
        ReadinessReport report = check(OieConfig.MANAGEMENT_TOKEN, API_TOKEN, OieConfig.SMTP_HOST, "127.0.0.1",
                OieConfig.SMTP_FROM, "no-reply@example.com");
        assertTrue(report.ready(), report::json);
        result(report, "email-enrollment", CheckResult.Status.OK, OieConfig.CODE_SENDER);
    }

    @Test
    void oktasOwnActivationEmailNeedsNoEmailEnrollment() {
        sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.NOT_ALLOWED);
        ReadinessReport report = check(OieConfig.MANAGEMENT_TOKEN, API_TOKEN, OieConfig.ACTIVATION_STRATEGY, "okta-email");
        assertTrue(report.ready(), report::json);
        result(report, "management-api", CheckResult.Status.OK);
        result(report, "email-enrollment", CheckResult.Status.SKIPPED);
    }
}
