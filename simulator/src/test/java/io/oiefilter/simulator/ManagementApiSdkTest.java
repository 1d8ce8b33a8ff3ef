package io.oiefilter.simulator;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserLifecycleApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.CreateUserRequest;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserActivationToken;
import com.okta.sdk.resource.model.UserGetSingleton;
import com.okta.sdk.resource.model.UserProfile;
import com.okta.sdk.resource.model.UserStatus;
import io.oiefilter.simulator.mail.Email;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** okta-sdk-java 24, unchanged, against the simulator's Users API. */
class ManagementApiSdkTest extends SimulatorTestBase {
    static final String API_TOKEN = "00demo-management-api-token-not-for-production";

    @BeforeAll
    static void httpOnLoopback() {
        System.setProperty("okta.testing.disableHttpsCheck", "true");
    }

    private static ApiClient client(String token) {
        return Clients.builder().setOrgUrl(sim.baseUri()).setClientCredentials(new TokenClientCredentials(token))
                .setCacheManager(Caches.newDisabledCacheManager()).build();
    }

    private static UserApi users() {
        return new UserApi(client(API_TOKEN));
    }

    private static UserLifecycleApi lifecycle() {
        return new UserLifecycleApi(client(API_TOKEN));
    }

    @Test
    void readsUsersByLoginOrId() throws Exception {
        UserGetSingleton pat = users().getUser("pat@example.com", null, null);
        assertEquals(UserStatus.PROVISIONED, pat.getStatus());
        assertEquals("pat@example.com", pat.getProfile().getLogin());
        assertEquals(pat.getId(), users().getUser(pat.getId(), null, null).getId());
        ApiException missing = assertThrows(ApiException.class, () -> users().getUser("nobody@example.com", null, null));
        assertEquals(404, missing.getCode());
    }

    @Test
    void reactivatesOnlyProvisionedUsers() throws Exception {
        String id = users().getUser("pat@example.com", null, null).getId();
        UserActivationToken t = lifecycle().reactivateUser(id, false);
        assertNotNull(t.getActivationToken());
        assertTrue(t.getActivationUrl().contains(t.getActivationToken()));
        assertEquals(UserStatus.PROVISIONED, users().getUser(id, null, null).getStatus(), "stays PROVISIONED until used");

        String alice = users().getUser("alice@example.com", null, null).getId();
        ApiException refused = assertThrows(ApiException.class, () -> lifecycle().reactivateUser(alice, false));
        assertEquals(403, refused.getCode());
    }

    @Test
    void activatesStagedUsersWithATokenOrAnEmail() throws Exception {
        CreateUserRequest req = new CreateUserRequest().profile(new UserProfile().firstName("New").lastName("Hire")
                .email("new.hire@example.com").login("new.hire@example.com"));
        User created = users().createUser(req, false, null, null);
        assertEquals(UserStatus.STAGED, created.getStatus());

        UserActivationToken t = lifecycle().activateUser(created.getId(), false);
        assertNotNull(t.getActivationToken());
        assertEquals(UserStatus.PROVISIONED, users().getUser(created.getId(), null, null).getStatus());

        CreateUserRequest req2 = new CreateUserRequest().profile(new UserProfile().firstName("Mail").lastName("Me")
                .email("mail.me@example.com").login("mail.me@example.com"));
        String id2 = users().createUser(req2, false, null, null).getId();
        UserActivationToken emailed = lifecycle().activateUser(id2, true);
        assertNull(emailed.getActivationToken(), "sendEmail=true: the token goes by email only");
        Email mail = sim.outbox().latest("mail.me@example.com").orElseThrow();
        assertEquals("activation", mail.kind());
        assertTrue(mail.link().contains("/welcome/"));
    }

    @Test
    void searchesAndLifecycle() throws Exception {
        List<User> found = users().listUsers(null, null, null, 10, null, "profile.login eq \"sam@example.com\"", null, null);
        assertEquals(1, found.size());
        assertEquals(UserStatus.STAGED, found.get(0).getStatus());
        List<User> provisioned = users().listUsers(null, null, null, 10, "status eq \"PROVISIONED\"", null, null, null);
        assertTrue(provisioned.stream().allMatch(u -> u.getStatus() == UserStatus.PROVISIONED) && !provisioned.isEmpty());

        String lee = users().getUser("lee@example.com", null, null).getId();
        lifecycle().unlockUser(lee);
        assertEquals(UserStatus.ACTIVE, users().getUser(lee, null, null).getStatus());
        lifecycle().suspendUser(lee);
        assertEquals(UserStatus.SUSPENDED, users().getUser(lee, null, null).getStatus());
        lifecycle().unsuspendUser(lee);
        lifecycle().deactivateUser(lee, false, null);
        assertEquals(UserStatus.DEPROVISIONED, users().getUser(lee, null, null).getStatus());
    }

    @Test
    void aWrongApiTokenIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> new UserApi(client("wrong-token")).getUser("alice@example.com", null, null));
        assertEquals(401, e.getCode());
    }
}
