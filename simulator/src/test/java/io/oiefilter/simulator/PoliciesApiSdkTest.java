package io.oiefilter.simulator;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.PolicyApi;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.model.AuthenticatorEnrollmentPolicy;
import com.okta.sdk.resource.model.AuthenticatorEnrollmentPolicyAuthenticatorSettings;
import com.okta.sdk.resource.model.AuthenticatorEnrollmentPolicyAuthenticatorStatus;
import com.okta.sdk.resource.model.AuthenticatorEnrollmentPolicyAuthenticatorType;
import com.okta.sdk.resource.model.LifecycleStatus;
import com.okta.sdk.resource.model.Policy;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Requirement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** okta-sdk-java 24, unchanged, reads the simulator's authenticator enrollment policy as Okta's own. */
class PoliciesApiSdkTest extends SimulatorTestBase {

    @BeforeAll
    static void httpOnLoopback() {
        System.setProperty("okta.testing.disableHttpsCheck", "true");
    }

    private static PolicyApi policies(String token) {
        return new PolicyApi(Clients.builder().setOrgUrl(sim.baseUri()).setClientCredentials(new TokenClientCredentials(token))
                .setCacheManager(Caches.newDisabledCacheManager()).build());
    }

    private static AuthenticatorEnrollmentPolicyAuthenticatorStatus email() throws ApiException {
        List<Policy> all = policies(ManagementApiSdkTest.API_TOKEN).listPolicies("MFA_ENROLL", null, null, null, null, null, null, null);
        assertEquals(1, all.size());
        AuthenticatorEnrollmentPolicy policy = assertInstanceOf(AuthenticatorEnrollmentPolicy.class, all.get(0));
        assertEquals(LifecycleStatus.ACTIVE, policy.getStatus());
        return policy.getSettings().getAuthenticators().stream()
                .filter(a -> a.getKey() == AuthenticatorEnrollmentPolicyAuthenticatorType.OKTA_EMAIL)
                .map(AuthenticatorEnrollmentPolicyAuthenticatorSettings::getEnroll).findFirst().orElseThrow().getSelf();
    }

    @Test
    void theEnrollmentPolicyFollowsTheOrg() throws Exception {
        assertEquals(AuthenticatorEnrollmentPolicyAuthenticatorStatus.OPTIONAL, email());
        Requirement before = sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL);
        try {
            sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL, Requirement.NOT_ALLOWED);
            assertEquals(AuthenticatorEnrollmentPolicyAuthenticatorStatus.NOT_ALLOWED, email());
        } finally {
            sim.org().enrollmentPolicy(AuthenticatorKind.EMAIL, before);
        }
    }

    @Test
    void otherTypesAreEmptyAndABadTokenIsRefused() throws Exception {
        assertEquals(List.of(), policies(ManagementApiSdkTest.API_TOKEN).listPolicies("PASSWORD", null, null, null, null, null, null, null));
        ApiException refused = assertThrows(ApiException.class,
                () -> policies("00-not-a-token").listPolicies("MFA_ENROLL", null, null, null, null, null, null, null));
        assertEquals(401, refused.getCode());
    }
}
