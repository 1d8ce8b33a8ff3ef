package io.oiefilter.mgmt.okta;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserFactorApi;
import com.okta.sdk.resource.api.UserLifecycleApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.UserActivationToken;
import com.okta.sdk.resource.model.UserFactor;
import com.okta.sdk.resource.model.UserFactorStatus;
import com.okta.sdk.resource.model.UserFactorType;
import com.okta.sdk.resource.model.UserFactorVerifyRequest;
import com.okta.sdk.resource.model.UserFactorVerifyResponse;
import com.okta.sdk.resource.model.UserFactorVerifyResult;
import com.okta.sdk.resource.model.UserGetSingleton;
import io.oiefilter.mgmt.ManagedUser;
import io.oiefilter.mgmt.ManagementException;
import io.oiefilter.log.SdkLogs;
import io.oiefilter.mgmt.ManagementPort;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Management port on okta-sdk-java 24, the one class that knows that SDK. Its cache is off:
 * a status read must be today's, not five minutes old.
 */
public final class OktaManagementPort implements ManagementPort {
    /** Okta's "Invalid Passcode/Answer": the code was wrong, expired or used, not a failure of Okta. */
    /** Okta's error code (E0000011, E0000006, ...): says what went wrong and names nobody. */
    private static final Pattern ERROR_CODE = Pattern.compile("\"errorCode\"\\s*:\\s*\"(E\\d{7})\"");
    private static final Pattern INVALID_PASSCODE = Pattern.compile("\"errorCode\"\\s*:\\s*\"E0000068\"");
    /** Verify results that say the code did not prove the address (rather than that something broke). */
    private static final Set<UserFactorVerifyResult> NOT_ACCEPTED = EnumSet.of(UserFactorVerifyResult.FAILED,
            UserFactorVerifyResult.REJECTED, UserFactorVerifyResult.EXPIRED, UserFactorVerifyResult.TIMEOUT,
            UserFactorVerifyResult.PASSCODE_REPLAYED, UserFactorVerifyResult.TIME_WINDOW_EXCEEDED);

    private final UserApi users;
    private final UserLifecycleApi lifecycle;
    private final UserFactorApi factors;

    public OktaManagementPort(URI orgUrl, String apiToken, Duration timeout) {
        SdkLogs.keepSecretsOut(); // its HTTP client's wire log would print the API token
        // The SDK refuses an http org unless the JVM-wide okta.testing.disableHttpsCheck is set, which would lift the
        // check for every other application in this JVM too. A loopback http org (the configuration lets no other http
        // through) is given to the builder as https, and this one client is then pointed at the real address.
        String url = orgUrl.toString().endsWith("/") ? orgUrl.toString().substring(0, orgUrl.toString().length() - 1)
                : orgUrl.toString();
        boolean http = "http".equals(orgUrl.getScheme());
        // No retries by the SDK: a retried challenge sends another email; a 429 or 503 must end the attempt at
        // once (the person can sign in again), not hold a thread until Okta's rate-limit window resets.
        ApiClient client = Clients.builder()
                .setOrgUrl(http ? "https" + url.substring("http".length()) : url)
                .setClientCredentials(new TokenClientCredentials(apiToken))
                .setCacheManager(Caches.newDisabledCacheManager())
                .setConnectionTimeout((int) Math.max(1, timeout.toSeconds()))
                .setRetryMaxAttempts(0)
                .build();
        client.setBasePath(url); // each request's URL is the base path and the API's path
        this.users = new UserApi(client);
        this.lifecycle = new UserLifecycleApi(client);
        this.factors = new UserFactorApi(client);
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

    @Override
    public Optional<String> emailFactorId(String userId) throws ManagementException {
        return call("factor list", () -> factors.listFactors(userId).stream()
                .filter(f -> f.getFactorType() == UserFactorType.EMAIL && f.getStatus() == UserFactorStatus.ACTIVE)
                .map(UserFactor::getId).findFirst());
    }

    @Override
    public void challengeEmailFactor(String userId, String factorId) throws ManagementException {
        UserFactorVerifyResponse r = call("factor challenge", () -> factors.verifyFactor(userId, factorId, null, null, null,
                null, null, new UserFactorVerifyRequest()));
        UserFactorVerifyResult result = r == null ? null : r.getFactorResult();
        if (result != UserFactorVerifyResult.CHALLENGE && result != UserFactorVerifyResult.WAITING) {
            throw new ManagementException(200, "factor challenge: unexpected factorResult " + result, null);
        }
    }

    @Override
    public boolean verifyEmailFactor(String userId, String factorId, char[] passCode) throws ManagementException {
        String code = passCode == null ? "" : new String(passCode).trim();
        if (code.isEmpty()) {
            return false; // without a passCode Okta would send a new code instead of checking one
        }
        UserFactorVerifyResponse r;
        try {
            r = factors.verifyFactor(userId, factorId, null, null, null, null, null, new UserFactorVerifyRequest().passCode(code));
        } catch (ApiException e) {
            if (e.getCode() == 403 && e.getResponseBody() != null && INVALID_PASSCODE.matcher(e.getResponseBody()).find()) {
                return false;
            }
            throw failure("factor verify", e);
        } catch (RuntimeException e) {
            throw new ManagementException(0, "factor verify failed: " + e.getClass().getName(), e);
        }
        UserFactorVerifyResult result = r == null ? null : r.getFactorResult();
        if (result == UserFactorVerifyResult.SUCCESS) {
            return true;
        }
        if (result != null && NOT_ACCEPTED.contains(result)) {
            return false;
        }
        throw new ManagementException(200, "factor verify: unexpected factorResult " + result, null);
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
            // The class only: an exception's text may quote what was sent.
            throw new ManagementException(0, what + " failed: " + e.getClass().getName(), e);
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
        // The response body may name the user; the status code and Okta's error code are enough for the log.
        java.util.regex.Matcher code = e.getResponseBody() == null ? null : ERROR_CODE.matcher(e.getResponseBody());
        String refused = what + " refused: HTTP " + e.getCode() + (code != null && code.find() ? " " + code.group(1) : "");
        String fix = switch (e.getCode()) {
            case 401 -> "Okta refused the API token: check okta.client.token (a token of this org, not revoked or expired, "
                    + "its admin active) and okta.client.orgUrl";
            case 403 -> "the API token lacks the permission for " + what + ": create okta.client.token as a Super or Org "
                    + "Administrator (a Read-only Administrator's token cannot activate users)";
            default -> null;
        };
        return new ManagementException(e.getCode(), fix == null ? refused : fix + " (" + refused + ")", e);
    }
}
