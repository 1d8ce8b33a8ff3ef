package io.oiefilter.activation;

import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.mgmt.ManagedUser;
import io.oiefilter.mgmt.ManagementPort;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which strategy a configuration gets, and what the built-in ones decide for each status. */
class ActivationStrategiesTest {

    /** A Management API in memory: one user per login. */
    static final class FakeManagement implements ManagementPort {
        final Map<String, ManagedUser> users = new HashMap<>();
        final List<String> calls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        int lookups;

        @Override
        public synchronized Optional<ManagedUser> findByLogin(String login) {
            lookups++;
            return Optional.ofNullable(users.get(login.toLowerCase(Locale.ROOT))); // Okta matches logins case-insensitively
        }

        @Override
        public Optional<String> activate(String userId, boolean sendEmail) {
            calls.add("activate " + userId + " " + sendEmail);
            return sendEmail ? Optional.empty() : Optional.of("token-" + userId);
        }

        @Override
        public Optional<String> reactivate(String userId, boolean sendEmail) {
            calls.add("reactivate " + userId + " " + sendEmail);
            return sendEmail ? Optional.empty() : Optional.of("token-" + userId);
        }

        /** userId to the id of that user's email factor. */
        final Map<String, String> emailFactors = new HashMap<>();
        /** The code every challenge "sends". */
        String emailCode = "123456";

        @Override
        public Optional<String> emailFactorId(String userId) {
            return Optional.ofNullable(emailFactors.get(userId));
        }

        @Override
        public void challengeEmailFactor(String userId, String factorId) {
            calls.add("challenge " + userId + " " + factorId);
        }

        @Override
        public boolean verifyEmailFactor(String userId, String factorId, char[] passCode) {
            calls.add("verify " + userId + " " + factorId);
            return emailCode.equals(new String(passCode));
        }
    }

    public static final class NoArgStrategy implements ActivationStrategy {
        @Override
        public ActivationOutcome onIdentifyFailed(ActivationRequest request) {
            return ActivationOutcome.notApplicable();
        }
    }

    public static final class PortStrategy extends ManagementApiActivationStrategy {
        final ManagementPort port;

        public PortStrategy(ManagementPort port) {
            super(port);
            this.port = port;
        }
    }

    private static OieConfig config(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of(OieConfig.ISSUER, "https://example.okta.com/oauth2/default",
                OieConfig.CLIENT_ID, "c", OieConfig.CLIENT_SECRET, "s", OieConfig.REDIRECT_URI, "https://app.example.com/cb"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return OieConfig.resolve(List.of(ConfigSource.named(m::get, k -> k)));
    }

    private static ActivationStrategy strategy(OieConfig config, ManagementPort m) {
        return new io.oiefilter.spi.PluggableParts(config, ActivationStrategiesTest.class.getClassLoader(), () -> m).strategy();
    }

    private static ActivationRequest request(String login) {
        return new ActivationRequest(login, Locale.ENGLISH, "192.0.2.1");
    }

    @Test
    void theDefaultDependsOnWhetherAManagementTokenIsConfigured() {
        FakeManagement m = new FakeManagement();
        assertInstanceOf(NoActivationStrategy.class, strategy(config(), m));
        assertInstanceOf(ManagementApiActivationStrategy.class, strategy(config(OieConfig.MANAGEMENT_TOKEN, "t"), m));
        assertEquals("https://example.okta.com", config().managementOrgUrl().toString(), "the issuer's org by default");
    }

    @Test
    void classNamesGetTheManagementPortOrNothing() {
        FakeManagement m = new FakeManagement();
        PortStrategy withPort = assertInstanceOf(PortStrategy.class, strategy(
                config(OieConfig.ACTIVATION_STRATEGY, PortStrategy.class.getName()), m));
        assertSame(m, withPort.port);
        assertInstanceOf(NoArgStrategy.class, strategy(
                config(OieConfig.ACTIVATION_STRATEGY, NoArgStrategy.class.getName()), m));
        OieConfigException e = assertThrows(OieConfigException.class, () -> strategy(
                config(OieConfig.ACTIVATION_STRATEGY, "com.example.Missing"), m));
        assertEquals(OieConfig.ACTIVATION_STRATEGY, e.key());
        assertThrows(OieConfigException.class, () -> config(OieConfig.ACTIVATION_STRATEGY, "okta-email"),
                "okta-email without a token is a configuration error");
    }

    @Test
    void managementApiActsOnlyOnProvisionedAndStaged() {
        FakeManagement m = new FakeManagement();
        for (ManagedUser.Status s : ManagedUser.Status.values()) {
            m.users.put(s.name().toLowerCase(Locale.ROOT) + "@example.com", new ManagedUser("00u" + s, s.name(), s.name() + "@example.com", s));
        }
        ManagementApiActivationStrategy strategy = new ManagementApiActivationStrategy(m);
        for (ManagedUser.Status s : ManagedUser.Status.values()) {
            ActivationOutcome o = strategy.onIdentifyFailed(request(s.name().toLowerCase(Locale.ROOT) + "@example.com"));
            boolean acts = s == ManagedUser.Status.PROVISIONED || s == ManagedUser.Status.STAGED;
            assertEquals(acts ? ActivationOutcome.Kind.ACTIVATION_TOKEN : ActivationOutcome.Kind.NOT_APPLICABLE, o.kind(), s.name());
            assertTrue(!o.toString().contains("token-"), "the token never shows in toString");
        }
        assertEquals(List.of("activate 00uSTAGED false", "reactivate 00uPROVISIONED false"), m.calls);
        assertEquals(ActivationOutcome.Kind.NOT_APPLICABLE, strategy.onIdentifyFailed(request("nobody@example.com")).kind());
    }

    @Test
    void oktaEmailAsksOktaToSendTheLink() {
        FakeManagement m = new FakeManagement();
        m.users.put("pat@example.com", new ManagedUser("00upat", "pat@example.com", "pat@example.com", ManagedUser.Status.PROVISIONED));
        OktaEmailActivationStrategy strategy = new OktaEmailActivationStrategy(m);
        assertEquals(ActivationOutcome.Kind.EMAIL_SENT, strategy.onIdentifyFailed(request("pat@example.com")).kind());
        assertEquals(List.of("reactivate 00upat true"), m.calls);
        assertEquals(ActivationStrategy.Delivery.LINK, strategy.delivery());
    }

    @Test
    void throttlesHoldPerLoginAndPerAddressAndCountActivationsStarted() {
        FakeManagement m = new FakeManagement();
        for (String who : List.of("pat", "sam", "sue")) {
            m.users.put(who + "@example.com", new ManagedUser("00u" + who, who + "@example.com", who + "@example.com",
                    ManagedUser.Status.PROVISIONED));
        }
        List<ActivationEvent> events = new java.util.ArrayList<>();
        Activation a = new Activation(new ManagementApiActivationStrategy(m), new InMemoryAttemptStore(), List.of(events::add),
                config(OieConfig.MANAGEMENT_TOKEN, "t", OieConfig.ACTIVATION_MAX_PER_LOGIN, "2", OieConfig.ACTIVATION_MAX_PER_ADDRESS, "3"));
        for (int typo = 0; typo < 10; typo++) { // failed sign-ins that start nothing count for nothing
            assertEquals(ActivationOutcome.Kind.NOT_APPLICABLE, a.afterIdentifyFailed(request("typo" + typo + "@example.com")).kind());
        }
        assertEquals(ActivationOutcome.Kind.ACTIVATION_TOKEN, a.afterIdentifyFailed(request("pat@example.com")).kind());
        assertEquals(ActivationOutcome.Kind.ACTIVATION_TOKEN, a.afterIdentifyFailed(request("PAT@example.com")).kind());
        assertEquals(ActivationOutcome.Kind.NOT_APPLICABLE, a.afterIdentifyFailed(request("pat@example.com")).kind(), "per login");
        assertEquals(ActivationOutcome.Kind.ACTIVATION_TOKEN, a.afterIdentifyFailed(request("sam@example.com")).kind());
        assertEquals(ActivationOutcome.Kind.NOT_APPLICABLE, a.afterIdentifyFailed(request("sue@example.com")).kind(), "per address");
        assertEquals(List.of("reactivate 00upat false", "reactivate 00upat false", "reactivate 00usam false"), m.calls);
        // Every decision is an event: ten logins with no account, two tokens, a throttle, a token, a throttle.
        List<ActivationEvent> decisions = events.subList(10, events.size());
        assertTrue(events.subList(0, 10).stream().allMatch(e -> e.type() == ActivationEvent.Type.NOT_APPLICABLE
                && e.detail().equals("no user has this login")), events.toString());
        assertEquals(List.of(ActivationEvent.Type.TOKEN_ISSUED, ActivationEvent.Type.TOKEN_ISSUED, ActivationEvent.Type.THROTTLED,
                ActivationEvent.Type.TOKEN_ISSUED, ActivationEvent.Type.THROTTLED), decisions.stream().map(ActivationEvent::type).toList());
        assertEquals(List.of("per login", "per address"), decisions.stream().filter(e -> e.type() == ActivationEvent.Type.THROTTLED)
                .map(ActivationEvent::detail).toList());
    }

    @Test
    void lookUpsPerAddressAreBoundedSoThatNoOneBurnsTheOrgsRateLimit() {
        FakeManagement m = new FakeManagement();
        List<ActivationEvent> events = new java.util.ArrayList<>();
        Activation a = new Activation(new ManagementApiActivationStrategy(m), new InMemoryAttemptStore(), List.of(events::add),
                config(OieConfig.MANAGEMENT_TOKEN, "t", OieConfig.ACTIVATION_MAX_LOOKUPS_PER_ADDRESS, "5"));
        for (int n = 0; n < 8; n++) {
            a.afterIdentifyFailed(request("nobody" + n + "@example.com"));
        }
        assertEquals(5, m.lookups, "the strategy was asked five times");
        assertEquals(3, events.stream().filter(e -> e.type() == ActivationEvent.Type.THROTTLED).count());
    }

    @Test
    void parallelStartsNeverExceedTheLimits() throws Exception {
        FakeManagement m = new FakeManagement();
        for (int n = 0; n < 40; n++) {
            m.users.put("u" + n + "@example.com", new ManagedUser("00u" + n, "u" + n + "@example.com", "u" + n + "@example.com",
                    ManagedUser.Status.PROVISIONED));
        }
        Activation a = new Activation(new ManagementApiActivationStrategy(m), new InMemoryAttemptStore(), List.of(),
                config(OieConfig.MANAGEMENT_TOKEN, "t", OieConfig.ACTIVATION_MAX_PER_ADDRESS, "7"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<ActivationOutcome>> all = new java.util.ArrayList<>();
            for (int n = 0; n < 40; n++) {
                String login = "u" + n + "@example.com";
                all.add(pool.submit(() -> a.afterIdentifyFailed(request(login))));
            }
            long started = 0;
            for (var f : all) {
                started += f.get().kind() == ActivationOutcome.Kind.ACTIVATION_TOKEN ? 1 : 0;
            }
            assertEquals(7, started, "40 parallel starts from one address, 7 allowed");
        } finally {
            pool.shutdownNow();
        }
    }
}
