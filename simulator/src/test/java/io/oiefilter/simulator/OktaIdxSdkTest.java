package io.oiefilter.simulator;

import com.okta.idx.sdk.api.client.IDXAuthenticationWrapper;
import com.okta.idx.sdk.api.model.AuthenticationOptions;
import com.okta.idx.sdk.api.model.AuthenticationStatus;
import com.okta.idx.sdk.api.response.AuthenticationResponse;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.SignOnMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** okta-idx-java 2.0.0's own wrapper, unchanged, signs in against the simulator under both policies. */
class OktaIdxSdkTest {
    private static Simulator sim;

    @BeforeAll
    static void start() {
        System.setProperty("okta.testing.disableHttpsCheck", "true"); // loopback http issuer
        sim = Simulator.start(Org.defaultSeed(), 0);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    private static IDXAuthenticationWrapper sdk() {
        return new IDXAuthenticationWrapper(sim.issuer(), SimulatorClient.CLIENT_ID, SimulatorClient.SECRET,
                Set.of("openid", "profile", "email"), SimulatorClient.REDIRECT);
    }

    private static AuthenticationResponse signIn(SignOnMode mode, String password) {
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().signOnMode(mode);
        IDXAuthenticationWrapper sdk = sdk();
        AuthenticationResponse begin = sdk.begin();
        assertNotNull(begin.getProceedContext(), "begin: " + begin.getErrors());
        return sdk.authenticate(new AuthenticationOptions("alice@example.com", password.toCharArray()), begin.getProceedContext());
    }

    @Test
    void identifierFirst() {
        AuthenticationResponse r = signIn(SignOnMode.IDENTIFIER_FIRST, "Wonderland-2026!");
        assertEquals(AuthenticationStatus.SUCCESS, r.getAuthenticationStatus(), String.valueOf(r.getErrors()));
        assertNotNull(r.getTokenResponse().getIdToken());
        assertNotNull(r.getTokenResponse().getAccessToken());
    }

    @Test
    void oneStep() {
        AuthenticationResponse r = signIn(SignOnMode.ONE_STEP, "Wonderland-2026!");
        sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        assertEquals(AuthenticationStatus.SUCCESS, r.getAuthenticationStatus(), String.valueOf(r.getErrors()));
        assertNotNull(r.getTokenResponse().getIdToken());
    }

    @Test
    void wrongPasswordIsAnErrorWithoutTokens() {
        AuthenticationResponse r = signIn(SignOnMode.IDENTIFIER_FIRST, "wrong");
        assertFalse(r.getErrors().isEmpty());
        assertEquals("Password is incorrect", r.getErrors().get(0));
        assertNull(r.getTokenResponse());
    }
}
