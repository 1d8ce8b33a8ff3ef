package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.token.OidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static io.oiefilter.SimulatorFixture.ALICE;
import static io.oiefilter.SimulatorFixture.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-out revokes both tokens at the simulator and, when configured, ends the Okta session. */
class SignOutTest {
    private Simulator sim;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private OieConfig config(boolean throughOkta) {
        return throughOkta
                ? SimulatorFixture.config(sim, OieConfig.SCOPES, "openid profile email offline_access",
                        OieConfig.POST_LOGOUT_REDIRECT_URI, "http://localhost:8080/sample/")
                : SimulatorFixture.config(sim, OieConfig.SCOPES, "openid profile email offline_access",
                        OieConfig.SESSION_TOKENS, "id, access, refresh");
    }

    private static OieAuthentication signIn(SignInFlow flow) {
        FlowResult.Page identify = assertInstanceOf(FlowResult.Page.class, flow.start());
        FlowResult.Page password = assertInstanceOf(FlowResult.Page.class, flow.identify(identify.state(), ALICE, null));
        return assertInstanceOf(FlowResult.SignedIn.class, flow.answer(password.state(), ALICE_PASSWORD.toCharArray())).authentication();
    }

    private int refresh(String refreshToken) throws Exception {
        String body = "grant_type=refresh_token&client_id=" + SimulatorFixture.CLIENT_ID + "&client_secret=" + SimulatorFixture.SECRET
                + "&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.issuer() + "/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void revokesTheAccessAndRefreshTokens() throws Exception {
        OieConfig config = config(false);
        OktaIdxPort idx = new OktaIdxPort(config);
        OidcProvider provider = new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout());
        OieAuthentication auth = signIn(new SignInFlow(idx, provider, config));
        assertEquals(200, refresh(auth.tokens().refreshToken()), "the refresh token works before sign-out");

        Optional<URI> throughOkta = new SignOut(idx, provider, config).signOut(auth);
        assertTrue(throughOkta.isEmpty(), "no post-logout URL configured: local sign-out only");
        assertEquals(2, sim.requestLog().countOf("revoke"));
        assertEquals(400, refresh(auth.tokens().refreshToken()), "revoked");
        idx.close();
    }

    @Test
    void byDefaultTheSessionKeepsOnlyTheRefreshTokenAndSignOutRevokesIt() throws Exception {
        OieConfig config = SimulatorFixture.config(sim, OieConfig.SCOPES, "openid profile email offline_access");
        OktaIdxPort idx = new OktaIdxPort(config);
        OidcProvider provider = new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout());
        OieAuthentication auth = signIn(new SignInFlow(idx, provider, config));
        assertNull(auth.tokens().accessToken(), "the app did not ask for the access token");
        assertNull(auth.tokens().idToken(), "no end-session to give it to");
        assertEquals(200, refresh(auth.tokens().refreshToken()), "kept to renew the sign-in");

        assertTrue(new SignOut(idx, provider, config).signOut(auth).isEmpty());
        assertEquals(1, sim.requestLog().countOf("revoke"), "only what was kept is revoked");
        assertEquals(400, refresh(auth.tokens().refreshToken()), "revoked");
        idx.close();
    }

    @Test
    void endsTheOktaSessionWhenConfigured() throws Exception {
        OieConfig config = config(true);
        OktaIdxPort idx = new OktaIdxPort(config);
        OidcProvider provider = new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout());
        OieAuthentication auth = signIn(new SignInFlow(idx, provider, config));
        URI endSession = new SignOut(idx, provider, config).signOut(auth).orElseThrow();
        assertTrue(endSession.toString().startsWith(sim.issuer() + "/v1/logout?id_token_hint="), endSession.toString());

        HttpResponse<String> okta = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endSession).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, okta.statusCode(), okta.body());
        assertTrue(okta.headers().firstValue("Location").orElseThrow().startsWith("http://localhost:8080/sample/?state="));
        idx.close();
    }
}
