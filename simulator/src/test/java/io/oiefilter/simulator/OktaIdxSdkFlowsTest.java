package io.oiefilter.simulator;

import com.okta.idx.sdk.api.client.Authenticator;
import com.okta.idx.sdk.api.client.IDXAuthenticationWrapper;
import com.okta.idx.sdk.api.model.AuthenticationOptions;
import com.okta.idx.sdk.api.model.AuthenticationStatus;
import com.okta.idx.sdk.api.model.IDXClientContext;
import com.okta.idx.sdk.api.model.VerifyAuthenticatorOptions;
import com.okta.idx.sdk.api.response.AuthenticationResponse;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** okta-idx-java 2.0.0's wrapper, unchanged, through the email, enrollment, activation and recovery flows. */
class OktaIdxSdkFlowsTest extends SimulatorTestBase {

    @BeforeAll
    static void httpOnLoopback() {
        System.setProperty("okta.testing.disableHttpsCheck", "true");
    }

    @AfterEach
    void resetPolicy() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().requireEmailCode(false);
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    private static IDXAuthenticationWrapper sdk() {
        return new IDXAuthenticationWrapper(sim.issuer(), SimulatorClient.CLIENT_ID, SimulatorClient.SECRET,
                Set.of("openid", "profile", "email"), SimulatorClient.REDIRECT);
    }

    private static Authenticator byType(AuthenticationResponse r, String type) {
        return r.getAuthenticators().stream().filter(a -> type.equals(a.getType())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + r.getAuthenticators()));
    }

    private static void success(AuthenticationResponse r) {
        assertEquals(AuthenticationStatus.SUCCESS, r.getAuthenticationStatus(), String.valueOf(r.getErrors()));
        assertNotNull(r.getTokenResponse().getIdToken());
    }

    @Test
    void passwordThenEmailCode() {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().requireEmailCode(true);
        IDXAuthenticationWrapper sdk = sdk();
        AuthenticationResponse select = sdk.authenticate(new AuthenticationOptions("alice@example.com", "Wonderland-2026!".toCharArray()),
                sdk.begin().getProceedContext());
        assertEquals(AuthenticationStatus.AWAITING_AUTHENTICATOR_SELECTION, select.getAuthenticationStatus(), String.valueOf(select.getErrors()));
        AuthenticationResponse verify = sdk.selectAuthenticator(select.getProceedContext(), byType(select, "email"));
        assertEquals(AuthenticationStatus.AWAITING_AUTHENTICATOR_VERIFICATION, verify.getAuthenticationStatus());
        AuthenticationResponse resent = sdk.resend(verify.getProceedContext());
        assertNotNull(resent.getProceedContext(), String.valueOf(resent.getErrors()));
        success(sdk.verifyAuthenticator(resent.getProceedContext(), new VerifyAuthenticatorOptions(client.latestCode("alice@example.com"))));
    }

    @Test
    void activationWithOurOwnInteractThenTheSdk() throws Exception {
        OrgUser pat = sim.org().createUser("sdk.pat@example.com", "sdk.pat@example.com", "Sdk", "Pat", List.of(), null,
                UserStatus.PROVISIONED, false, Instant.now());
        pat.activationToken("sdk-activation", Instant.now().plus(Duration.ofDays(1)));
        String handle = client.interact(Map.of("activation_token", "sdk-activation")).body().get("interaction_handle").asText();
        IDXAuthenticationWrapper sdk = sdk();
        AuthenticationResponse select = sdk.introspect(new IDXClientContext(SimulatorClient.VERIFIER,
                SimulatorClient.challenge(SimulatorClient.VERIFIER), handle, "s1"));
        assertEquals(AuthenticationStatus.AWAITING_AUTHENTICATOR_ENROLLMENT_SELECTION, select.getAuthenticationStatus(),
                String.valueOf(select.getErrors()));

        AuthenticationResponse emailCode = sdk.enrollAuthenticator(select.getProceedContext(), byType(select, "email").getId());
        assertEquals(AuthenticationStatus.AWAITING_AUTHENTICATOR_ENROLLMENT, emailCode.getAuthenticationStatus(),
                String.valueOf(emailCode.getErrors()));
        AuthenticationResponse next = sdk.verifyAuthenticator(emailCode.getProceedContext(),
                new VerifyAuthenticatorOptions(client.latestCode("sdk.pat@example.com")));
        assertEquals(AuthenticationStatus.AWAITING_AUTHENTICATOR_ENROLLMENT_SELECTION, next.getAuthenticationStatus(),
                String.valueOf(next.getErrors()));

        AuthenticationResponse password = sdk.enrollAuthenticator(next.getProceedContext(), byType(next, "password").getId());
        success(sdk.verifyAuthenticator(password.getProceedContext(), new VerifyAuthenticatorOptions("Activated-Pass-2026")));
        assertEquals(UserStatus.ACTIVE, pat.status());
    }

    @Test
    void optionalEnrollmentSkipped() {
        sim.org().createUser("sdk.skip@example.com", "sdk.skip@example.com", "Sdk", "Skip", List.of(), "Skipping-Pass-2026",
                UserStatus.ACTIVE, false, Instant.now());
        IDXAuthenticationWrapper sdk = sdk();
        AuthenticationResponse select = sdk.authenticate(new AuthenticationOptions("sdk.skip@example.com", "Skipping-Pass-2026".toCharArray()),
                sdk.begin().getProceedContext());
        assertEquals(AuthenticationStatus.AWAITING_AUTHENTICATOR_ENROLLMENT_SELECTION, select.getAuthenticationStatus(),
                String.valueOf(select.getErrors()));
        assertEquals(true, sdk.isSkipAuthenticatorPresent(select.getProceedContext()));
        AuthenticationResponse skipped = sdk.skipAuthenticatorEnrollment(select.getProceedContext());
        assertNotNull(skipped.getTokenResponse(), String.valueOf(skipped.getErrors()));
    }

    @Test
    void recoverPasswordIdentifierFirstAndOneStep() {
        for (SignOnMode mode : SignOnMode.values()) {
            sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().signOnMode(mode);
            IDXAuthenticationWrapper sdk = sdk();
            AuthenticationResponse select = sdk.recoverPassword("alice@example.com", sdk.begin().getProceedContext());
            assertEquals(AuthenticationStatus.AWAITING_AUTHENTICATOR_SELECTION, select.getAuthenticationStatus(),
                    mode + ": " + select.getErrors());
            AuthenticationResponse code = sdk.selectAuthenticator(select.getProceedContext(), byType(select, "email"));
            AuthenticationResponse reset = sdk.verifyAuthenticator(code.getProceedContext(),
                    new VerifyAuthenticatorOptions(client.latestCode("alice@example.com")));
            assertEquals(AuthenticationStatus.AWAITING_PASSWORD_RESET, reset.getAuthenticationStatus(), mode + ": " + reset.getErrors());
            success(sdk.verifyAuthenticator(reset.getProceedContext(), new VerifyAuthenticatorOptions("Wonderland-2026!")));
        }
    }
}
