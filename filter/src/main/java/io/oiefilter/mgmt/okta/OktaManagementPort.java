package io.oiefilter.mgmt.okta;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserLifecycleApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.UserActivationToken;
import com.okta.sdk.resource.model.UserGetSingleton;
import io.oiefilter.mgmt.ManagedUser;
import io.oiefilter.mgmt.ManagementException;
import io.oiefilter.mgmt.ManagementPort;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The Management port on okta-sdk-java 24, the one class that knows that SDK. Its cache is off:
 * a status read must be today's, not five minutes old.
 */
public final class OktaManagementPort implements ManagementPort {
    private final UserApi users;
    private final UserLifecycleApi lifecycle;

    public OktaManagementPort(URI orgUrl, String apiToken, Duration timeout) {
        if ("http".equals(orgUrl.getScheme())) {
            // The configuration lets http through only for loopback hosts (a local simulator).
            System.setProperty("okta.testing.disableHttpsCheck", "true");
        }
        ApiClient client = Clients.builder()
                .setOrgUrl(orgUrl.toString())
                .setClientCredentials(new TokenClientCredentials(apiToken))
                .setCacheManager(Caches.newDisabledCacheManager())
                .setConnectionTimeout((int) Math.max(1, timeout.toSeconds()))
                .build();
        this.users = new UserApi(client);
        this.lifecycle = new UserLifecycleApi(client);
    }

    @Override
    public Optional<ManagedUser> findByLogin(String login) throws ManagementException {
        try {
            UserGetSingleton u = users.getUser(login, null, null);
            return Optional.of(new ManagedUser(u.getId(), u.getProfile() == null ? login : u.getProfile().getLogin(),
                    u.getProfile() == null ? null : u.getProfile().getEmail(), status(u)));
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw failure("look-up", e);
        } catch (RuntimeException e) {
            throw new ManagementException(0, "look-up: " + e, e);
        }
    }

    @Override
    public Optional<String> activate(String userId, boolean sendEmail) throws ManagementException {
        return call("activate", () -> token(lifecycle.activateUser(userId, sendEmail)));
    }

    @Override
    public Optional<String> reactivate(String userId, boolean sendEmail) throws ManagementException {
        return call("reactivate", () -> token(lifecycle.reactivateUser(userId, sendEmail)));
    }

    @FunctionalInterface
    private interface ApiCall<T> {
        T run() throws ApiException;
    }

    private static <T> T call(String what, ApiCall<T> call) throws ManagementException {
        try {
            return call.run();
        } catch (ApiException e) {
            throw failure(what, e);
        } catch (RuntimeException e) {
            throw new ManagementException(0, what + ": " + e, e);
        }
    }

    private static Optional<String> token(UserActivationToken t) {
        return t == null || t.getActivationToken() == null ? Optional.empty() : Optional.of(t.getActivationToken());
    }

    private static ManagedUser.Status status(UserGetSingleton u) {
        try {
            return u.getStatus() == null ? ManagedUser.Status.UNKNOWN : ManagedUser.Status.valueOf(u.getStatus().name());
        } catch (IllegalArgumentException e) {
            return ManagedUser.Status.UNKNOWN;
        }
    }

    private static ManagementException failure(String what, ApiException e) {
        // The response body may name the user; the status code and summary are enough for the log.
        return new ManagementException(e.getCode(), what + " refused: HTTP " + e.getCode(), e);
    }
}
