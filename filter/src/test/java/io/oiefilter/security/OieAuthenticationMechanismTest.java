package io.oiefilter.security;

import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignOut;
import io.oiefilter.idx.TokenSet;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.session.OieUser;
import io.oiefilter.token.OidcProvider;
import io.oiefilter.web.ContainerSignIn;
import io.oiefilter.web.DefaultAuthenticationEntryPoint;
import io.oiefilter.web.OieRequestHandler;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the mechanism tells the container for each kind of request, with the filter's real sign-in side
 * ({@link ContainerSignIn}) and fakes of the servlet and Jakarta Security objects. No network: the
 * session's sign-in is fresh, and starting a sign-in is a redirect.
 */
class OieAuthenticationMechanismTest {
    private static final OieUser ALICE = new OieUser("alice@example.com", "00u1", "Alice", "alice@example.com",
            List.of("Everyone", "Admins"), Set.of("Admins", "Staff"), "{}");

    private SignInFlow flow;
    private final Map<String, Object> contextAttributes = new HashMap<>();
    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private final Map<String, Object> requestAttributes = new HashMap<>();
    private final List<String> told = new ArrayList<>();
    private String redirectedTo;
    private RuntimeException containerRefuses;

    @BeforeEach
    void filterStarted() {
        Map<String, String> settings = Map.of(OieConfig.ISSUER, "http://127.0.0.1:9/oauth2/default", OieConfig.CLIENT_ID, "c",
                OieConfig.CLIENT_SECRET, "s", OieConfig.REDIRECT_URI, "http://localhost/app/callback");
        OieConfig config = OieConfig.resolve(List.of(ConfigSource.initParameters(settings::get)));
        OktaIdxPort idx = new OktaIdxPort(config);
        OidcProvider provider = new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout());
        flow = new SignInFlow(idx, provider, config);
        OieRequestHandler handler = new OieRequestHandler(config, flow, new SignOut(idx, provider, config),
                new DefaultAuthenticationEntryPoint());
        contextAttributes.put(ContainerSignIn.CONTEXT_ATTRIBUTE, handler.containerSignIn());
    }

    @AfterEach
    void filterStopped() {
        flow.close();
    }

    private void signedIn() {
        sessionAttributes.put(OieAuthentication.SESSION_ATTRIBUTE, new OieAuthentication(ALICE,
                new TokenSet("id", "access", null, 3600, "openid"), Instant.now(), Instant.now().plusSeconds(3600)));
    }

    private AuthenticationStatus validate(String path, boolean isProtected, boolean authenticationRequest) {
        return new OieAuthenticationMechanism().validateRequest(request(path), response(), context(isProtected, authenticationRequest));
    }

    @Test
    void aSignedInSessionMakesItsUserTheCallerWithTheMappedRoles() {
        signedIn();
        assertEquals(AuthenticationStatus.SUCCESS, validate("/app/page", false, false));
        assertEquals(List.of("alice@example.com [Admins, Staff]"), told, "the OieUser and its roles, not its raw groups");
        assertEquals(Boolean.TRUE, requestAttributes.get(ContainerSignIn.CONTAINER_AUTHENTICATED), "the filter's sign-out will log the container out");
    }

    @Test
    void anonymousRequestsTheContainerDoesNotProtectAreLeftAlone() {
        assertEquals(AuthenticationStatus.NOT_DONE, validate("/public", false, false));
        assertNull(redirectedTo);
        assertTrue(told.isEmpty());
    }

    @Test
    void aProtectedResourceOrAuthenticateStartsTheFiltersSignInAndRemembersThePage() {
        assertEquals(AuthenticationStatus.SEND_CONTINUE, validate("/app/admin/", true, false));
        assertEquals("/ctx/oie/sign-in", redirectedTo);
        assertEquals(AuthenticationStatus.SEND_CONTINUE, validate("/whoami", false, true), "request.authenticate()");
        assertTrue(sessionAttributes.containsValue("/whoami"), "the page to come back to: " + sessionAttributes);
        assertTrue(told.isEmpty());
    }

    @Test
    void theFiltersOwnPagesAreNeverSentToSignIn() {
        assertEquals(AuthenticationStatus.NOT_DONE, validate("/oie/sign-in", true, false));
        assertNull(redirectedTo);
    }

    @Test
    void aContainerThatRefusesTheCallerLeavesTheRequestAnonymous() {
        signedIn();
        containerRefuses = new IllegalStateException("ELY01177: Authorization failed.");
        assertEquals(AuthenticationStatus.NOT_DONE, validate("/app/page", false, false), "no stack trace to the browser");
        assertNull(requestAttributes.get(ContainerSignIn.CONTAINER_AUTHENTICATED));
    }

    @Test
    void withoutTheFilterNothingProtectedIsLetThrough() {
        contextAttributes.clear();
        signedIn();
        assertEquals(AuthenticationStatus.SEND_FAILURE, validate("/app/admin/", true, false));
        assertEquals(AuthenticationStatus.NOT_DONE, validate("/public", false, false));
        assertTrue(told.isEmpty(), "no filter, no caller");
    }

    @Test
    void logoutEndsTheSignInInTheSession() {
        signedIn();
        new OieAuthenticationMechanism().cleanSubject(request("/app/"), response(), context(false, false));
        assertNull(sessionAttributes.get(OieAuthentication.SESSION_ATTRIBUTE));
        assertTrue(told.contains("cleaned"));
    }

    private HttpServletRequest request(String path) {
        Map<String, BiFunction<Object, Object[], Object>> context = Fakes.attributes(contextAttributes);
        context.put("getContextPath", (p, a) -> "/ctx");
        ServletContext servletContext = Fakes.of(ServletContext.class, context);
        HttpSession session = Fakes.of(HttpSession.class, withSession());
        Map<String, BiFunction<Object, Object[], Object>> answers = Fakes.attributes(requestAttributes);
        answers.put("getServletContext", (p, a) -> servletContext);
        answers.put("getSession", (p, a) -> session);
        answers.put("getServletPath", (p, a) -> path);
        answers.put("getPathInfo", (p, a) -> null);
        answers.put("getContextPath", (p, a) -> "/ctx");
        answers.put("getRequestURI", (p, a) -> "/ctx" + path);
        answers.put("getQueryString", (p, a) -> null);
        answers.put("getMethod", (p, a) -> "GET");
        answers.put("getHeader", (p, a) -> "Accept".equals(a[0]) ? "text/html" : null);
        return Fakes.of(HttpServletRequest.class, answers);
    }

    private Map<String, BiFunction<Object, Object[], Object>> withSession() {
        Map<String, BiFunction<Object, Object[], Object>> answers = Fakes.attributes(sessionAttributes);
        answers.put("getId", (p, a) -> "session-1");
        answers.put("isNew", (p, a) -> false);
        return answers;
    }

    private HttpServletResponse response() {
        Map<String, BiFunction<Object, Object[], Object>> answers = new HashMap<>();
        answers.put("encodeRedirectURL", (p, a) -> a[0]);
        answers.put("sendRedirect", (p, a) -> redirectedTo = (String) a[0]);
        return Fakes.of(HttpServletResponse.class, answers);
    }

    private HttpMessageContext context(boolean isProtected, boolean authenticationRequest) {
        Map<String, BiFunction<Object, Object[], Object>> answers = new HashMap<>();
        answers.put("isProtected", (p, a) -> isProtected);
        answers.put("isAuthenticationRequest", (p, a) -> authenticationRequest);
        answers.put("doNothing", (p, a) -> AuthenticationStatus.NOT_DONE);
        answers.put("responseUnauthorized", (p, a) -> AuthenticationStatus.SEND_FAILURE);
        answers.put("cleanClientSubject", (p, a) -> told.add("cleaned"));
        answers.put("notifyContainerAboutLogin", (p, a) -> {
            if (containerRefuses != null) {
                throw containerRefuses;
            }
            assertSame(ALICE, a[0], "the OieUser itself is the caller principal");
            told.add(((Principal) a[0]).getName() + " " + new TreeSet<>((Set<?>) a[1]));
            return AuthenticationStatus.SUCCESS;
        });
        return Fakes.of(HttpMessageContext.class, answers);
    }
}
