package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.UserFactorApi;
import com.okta.sdk.resource.api.UserLifecycleApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.UserFactor;
import com.okta.sdk.resource.model.UserFactorEmail;
import com.okta.sdk.resource.model.UserFactorProvider;
import com.okta.sdk.resource.model.UserFactorStatus;
import com.okta.sdk.resource.model.UserFactorType;
import com.okta.sdk.resource.model.UserFactorVerifyRequest;
import com.okta.sdk.resource.model.UserFactorVerifyResponse;
import com.okta.sdk.resource.model.UserFactorVerifyResult;
import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.faults.Fault;
import io.oiefilter.simulator.idx.IdxEngine;
import io.oiefilter.simulator.mail.Email;
import io.oiefilter.simulator.mgmt.EmailFactorCodes;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** okta-sdk-java 24's UserFactorApi, unchanged, against the simulator's email factor. */
class FactorsApiSdkTest extends SimulatorTestBase {
    private static final AtomicInteger USERS = new AtomicInteger();

    @BeforeAll
    static void httpOnLoopback() {
        System.setProperty("okta.testing.disableHttpsCheck", "true");
    }

    @AfterEach
    void clear() {
        sim.faults().clear();
        sim.rateLimits().clear();
    }

    private static ApiClient client(String token) {
        return Clients.builder().setOrgUrl(sim.baseUri()).setClientCredentials(new TokenClientCredentials(token))
                .setCacheManager(Caches.newDisabledCacheManager()).build();
    }

    private static UserFactorApi factors() {
        return new UserFactorApi(client(ManagementApiSdkTest.API_TOKEN));
    }

    /** A fresh user per test: challenges of one user are throttled to one per 5 seconds. */
    private static OrgUser userWithEmail() {
        String login = "factor" + USERS.incrementAndGet() + "@example.com";
        return sim.org().createUser(login, login, "Fay", "Ctor", List.of(), "Factor-Pass-2026", UserStatus.ACTIVE, true,
                sim.clock().instant());
    }

    private static String emailFactorId(OrgUser u) throws ApiException {
        return factors().listFactors(u.id()).get(0).getId();
    }

    private static UserFactorVerifyResponse verify(OrgUser u, String factorId, String passCode) throws ApiException {
        return factors().verifyFactor(u.id(), factorId, null, null, null, null, null,
                new UserFactorVerifyRequest().passCode(passCode));
    }

    private static String challengeAndReadCode(OrgUser u, String factorId) throws ApiException {
        assertEquals(UserFactorVerifyResult.CHALLENGE, verify(u, factorId, null).getFactorResult());
        Email mail = sim.outbox().latest(u.email()).orElseThrow();
        assertEquals("factor-challenge", mail.kind());
        return mail.code();
    }

    private static int errorStatus(ApiException e, String oktaCode) throws Exception {
        JsonNode body = client.json.readTree(e.getResponseBody());
        assertEquals(oktaCode, body.path("errorCode").asText(), e.getResponseBody());
        return e.getCode();
    }

    @Test
    void listsTheEnrolledEmailAsAnActiveOktaEmailFactor() throws Exception {
        OrgUser alice = sim.org().userByLogin("alice@example.com").orElseThrow();
        List<UserFactor> listed = factors().listFactors(alice.id());
        assertEquals(1, listed.size(), "the password is not a factor of the Factors API");
        UserFactorEmail email = assertInstanceOf(UserFactorEmail.class, listed.get(0));
        assertEquals(UserFactorType.EMAIL, email.getFactorType());
        assertEquals(UserFactorProvider.OKTA, email.getProvider());
        assertEquals(UserFactorStatus.ACTIVE, email.getStatus());
        assertEquals("alice@example.com", email.getProfile().getEmail());
        assertTrue(email.getId().startsWith("emf") && email.getId().length() == 20, email.getId());
        assertNotEquals(null, email.getCreated());
        assertEquals(sim.baseUri() + "/api/v1/users/" + alice.id() + "/factors/" + email.getId() + "/verify",
                email.getLinks().getVerify().getHref());

        assertEquals(email.getId(), factors().getFactor(alice.id(), email.getId()).getId());

        OrgUser pat = sim.org().userByLogin("pat@example.com").orElseThrow();
        assertEquals(List.of(), factors().listFactors(pat.id()), "PROVISIONED, email never enrolled");
    }

    @Test
    void aChallengeEmailsACodeThatWorksOnce() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = emailFactorId(u);
        int before = sim.outbox().to(u.email()).size();
        String code = challengeAndReadCode(u, factorId);
        assertEquals(before + 1, sim.outbox().to(u.email()).size());
        assertTrue(code.matches("\\d{6}"), code);

        assertEquals(UserFactorVerifyResult.SUCCESS, verify(u, factorId, code).getFactorResult());
        ApiException again = assertThrows(ApiException.class, () -> verify(u, factorId, code));
        assertEquals(403, errorStatus(again, "E0000068"), "single use");
    }

    @Test
    void aWrongCodeIsOktasInvalidPasscodeAndLeavesTheRightOneValid() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = emailFactorId(u);
        String code = challengeAndReadCode(u, factorId);
        String wrong = code.equals("000000") ? "111111" : "000000";

        ApiException e = assertThrows(ApiException.class, () -> verify(u, factorId, wrong));
        assertEquals(403, errorStatus(e, "E0000068"));
        assertEquals("Invalid Passcode/Answer", client.json.readTree(e.getResponseBody()).path("errorSummary").asText());
        assertEquals(UserFactorVerifyResult.SUCCESS, verify(u, factorId, code).getFactorResult());
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = emailFactorId(u);
        String code = challengeAndReadCode(u, factorId);
        sim.clock().advance(IdxEngine.EMAIL_CODE_LIFETIME.plusSeconds(1));
        ApiException e = assertThrows(ApiException.class, () -> verify(u, factorId, code));
        assertEquals(403, errorStatus(e, "E0000068"));
    }

    @Test
    void tokenLifetimeSecondsSetsTheCodesLifetime() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = emailFactorId(u);
        UserFactorVerifyResponse sent = factors().verifyFactor(u.id(), factorId, null, 600, null, null, null,
                new UserFactorVerifyRequest());
        assertEquals(UserFactorVerifyResult.CHALLENGE, sent.getFactorResult());
        sim.clock().advance(Duration.ofMinutes(9));
        assertEquals(UserFactorVerifyResult.SUCCESS, verify(u, factorId, sim.outbox().latest(u.email()).orElseThrow().code())
                .getFactorResult());
    }

    @Test
    void aNewChallengeWaitsFiveSecondsAndReplacesTheOldCode() throws Exception {
        OrgUser u = userWithEmail();
        String factorId = emailFactorId(u);
        String first = challengeAndReadCode(u, factorId);
        ApiException tooSoon = assertThrows(ApiException.class, () -> verify(u, factorId, null));
        assertEquals(429, errorStatus(tooSoon, "E0000118"));

        sim.clock().advance(EmailFactorCodes.RESEND_INTERVAL);
        String second = challengeAndReadCode(u, factorId);
        if (!first.equals(second)) { // the same six digits twice (one chance in a million) would prove nothing
            ApiException old = assertThrows(ApiException.class, () -> verify(u, factorId, first));
            assertEquals(403, errorStatus(old, "E0000068"), "the newer challenge replaced the code");
        }
        assertEquals(UserFactorVerifyResult.SUCCESS, verify(u, factorId, second).getFactorResult());
    }

    @Test
    void unknownUsersAndFactorsAreOktasNotFound() throws Exception {
        ApiException noUser = assertThrows(ApiException.class, () -> factors().listFactors("00uNoSuchUser0000000"));
        assertEquals(404, errorStatus(noUser, "E0000007"));

        OrgUser u = userWithEmail();
        ApiException noFactor = assertThrows(ApiException.class, () -> verify(u, "emfNoSuchFactor00000", null));
        assertEquals(404, errorStatus(noFactor, "E0000007"));

        OrgUser pat = sim.org().userByLogin("pat@example.com").orElseThrow();
        String alicesFactor = emailFactorId(sim.org().userByLogin("alice@example.com").orElseThrow());
        ApiException notPats = assertThrows(ApiException.class, () -> verify(pat, alicesFactor, null));
        assertEquals(404, errorStatus(notPats, "E0000007"), "another user's factor id");
    }

    @Test
    void aMissingOrWrongApiTokenIsRefused() throws Exception {
        OrgUser u = userWithEmail();
        ApiException wrong = assertThrows(ApiException.class, () -> new UserFactorApi(client("wrong-token")).listFactors(u.id()));
        assertEquals(401, errorStatus(wrong, "E0000011"));

        Answer none = client.get(sim.baseUri() + "/api/v1/users/" + u.id() + "/factors");
        assertEquals(401, none.status());
        assertEquals("E0000011", none.body().path("errorCode").asText());
    }

    @Test
    void faultsLimitsAndTheRequestLogNameTheEndpointFactors() throws Exception {
        OrgUser u = userWithEmail();
        int before = sim.requestLog().countOf("factors");
        String factorId = emailFactorId(u);
        assertEquals(before + 1, sim.requestLog().countOf("factors"));

        // The SDK retries 429, 503 and 504 by default; without retries each answer is seen as sent.
        UserFactorApi once = new UserFactorApi(Clients.builder().setOrgUrl(sim.baseUri())
                .setClientCredentials(new TokenClientCredentials(ManagementApiSdkTest.API_TOKEN))
                .setCacheManager(Caches.newDisabledCacheManager()).setRetryMaxAttempts(0).build());
        sim.faults().inject("factors", Fault.status(503).times(1));
        assertEquals(503, assertThrows(ApiException.class, () -> once.listFactors(u.id())).getCode());

        sim.rateLimits().limit("factors", 1, Duration.ofMinutes(1));
        once.getFactor(u.id(), factorId);
        ApiException limited = assertThrows(ApiException.class, () -> once.getFactor(u.id(), factorId));
        assertEquals(429, errorStatus(limited, "E0000047"));
    }

    @Test
    void emailEnrolledInAnAbandonedActivationIsAFactor() throws Exception {
        OrgUser u = sim.org().createUser("quitter@example.com", "quitter@example.com", "Quin", "Itter", List.of(), null,
                UserStatus.PROVISIONED, false, sim.clock().instant());
        String token = new UserLifecycleApi(client(ManagementApiSdkTest.API_TOKEN)).reactivateUser(u.id(), false)
                .getActivationToken();
        Answer interact = client.interact(Map.of("activation_token", token));
        JsonNode select = client.introspect(interact.body().get("interaction_handle").asText()).body();
        JsonNode email = client.select("credential/enroll", select, "email").body();
        Answer enrolled = client.answer(email.get("stateHandle").asText(), client.latestCode(u.email()));
        assertEquals(200, enrolled.status(), enrolled.body().toString());
        // The person leaves before setting a password: still PROVISIONED, email enrolled.

        List<UserFactor> listed = factors().listFactors(u.id());
        assertEquals(1, listed.size());
        assertEquals(UserFactorType.EMAIL, listed.get(0).getFactorType());
        assertTrue(listed.get(0).getCreated().toInstant().isAfter(Instant.EPOCH));
        String code = challengeAndReadCode(u, listed.get(0).getId());
        assertEquals(UserFactorVerifyResult.SUCCESS, verify(u, listed.get(0).getId(), code).getFactorResult());
        assertEquals(UserStatus.PROVISIONED, u.status(), "verifying a factor does not activate anyone");
    }
}
