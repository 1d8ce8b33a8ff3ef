package io.oiefilter.flow;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.session.AuthenticatedRequest;
import io.oiefilter.session.ClaimsMapper;
import io.oiefilter.session.OieUser;
import io.oiefilter.session.PrincipalMapping;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.token.OidcProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.oiefilter.SimulatorFixture.ALICE;
import static io.oiefilter.SimulatorFixture.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sign-in against the simulator with the application's claims mapper: who the app sees comes from it, and only from it. */
class ClaimsMappingFlowTest {
    private Simulator sim;
    private OieConfig config;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        config = SimulatorFixture.config(sim);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private FlowResult signInAlice(ClaimsMapper mapper) throws Exception {
        SignInFlow flow = new SignInFlow(new OktaIdxPort(config), new OidcProvider(config.issuer(), config.clientId(),
                config.httpTimeout()), config, null, null, new InMemoryAttemptStore(), new ResponsePacer(), null,
                java.time.Clock.systemUTC(), mapper);
        try (flow) {
            FlowResult.Page first = assertInstanceOf(FlowResult.Page.class, flow.start());
            FlowResult.Page password = assertInstanceOf(FlowResult.Page.class, flow.identify(first.state(), ALICE, null));
            return flow.answer(password.state(), ALICE_PASSWORD.toCharArray());
        }
    }

    @Test
    void theMappersNameAndRolesAreTheUsers() throws Exception {
        ClaimsMapper rolesFromGroups = claims -> PrincipalMapping.of("okta:" + claims.get("sub"),
                ((List<?>) claims.get("groups")).stream().map(g -> "ROLE_" + g.toString().toUpperCase()).collect(Collectors.toList()));
        FlowResult.SignedIn done = assertInstanceOf(FlowResult.SignedIn.class, signInAlice(rolesFromGroups));
        OieUser user = done.authentication().user();
        assertEquals("okta:" + user.getSubject(), user.getName());
        assertEquals(Set.of("ROLE_EVERYONE", "ROLE_ADMINS", "ROLE_READERS"), user.getRoles());
        assertEquals(List.of("Everyone", "Admins", "Readers"), user.getGroups(), "the groups claim is kept as Okta sent it");

        HttpServletRequest app = new AuthenticatedRequest(request(), user);
        assertEquals("okta:" + user.getSubject(), app.getRemoteUser());
        assertTrue(app.isUserInRole("ROLE_ADMINS"), "isUserInRole asks the mapped roles");
        assertFalse(app.isUserInRole("Admins"), "not the raw groups");
    }

    @Test
    void aMapperThatFailsRefusesTheSignIn() throws Exception {
        FlowResult.Failed thrown = assertInstanceOf(FlowResult.Failed.class, signInAlice(claims -> {
            throw new IllegalStateException("no employee number");
        }));
        assertEquals("oie.error.invalidToken", thrown.messageKey());
        FlowResult.Failed nothing = assertInstanceOf(FlowResult.Failed.class, signInAlice(claims -> null));
        assertEquals("oie.error.invalidToken", nothing.messageKey());
    }

    @Test
    void theMapperSeesTheClaimsButCannotChangeThem() throws Exception {
        FlowResult.Failed result = assertInstanceOf(FlowResult.Failed.class, signInAlice(claims -> {
            claims.put("groups", List.of("Admins"));
            return PrincipalMapping.of("x", List.of());
        }));
        assertEquals("oie.error.invalidToken", result.messageKey(), "an unmodifiable map: the attempt refuses the sign-in");
        FlowResult.SignedIn seen = assertInstanceOf(FlowResult.SignedIn.class, signInAlice(claims -> {
            assertEquals(ALICE, claims.get("preferred_username"));
            assertEquals(List.of("Everyone", "Admins", "Readers"), claims.get("groups"));
            assertInstanceOf(Number.class, claims.get("exp"), "JSON values: times are numbers");
            return PrincipalMapping.of(String.valueOf(claims.get("email")), List.of());
        }));
        assertEquals(ALICE, seen.authentication().user().getName());
        assertEquals(Set.of(), seen.authentication().user().getRoles());
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
