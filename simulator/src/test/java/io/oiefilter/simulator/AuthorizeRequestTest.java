package io.oiefilter.simulator;

import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.SignOnMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /v1/authorize's checks: a page for a bad client or redirect URI (never a redirect), the rest back to the client. */
class AuthorizeRequestTest extends AuthorizeTestBase {

    @Test
    void unknownClientGetsAnErrorPageAndNoRedirect() throws Exception {
        HostedBrowser.Page p = browser.authorize(params("client_id", "0oa-nobody"));
        assertEquals(400, p.status());
        assertNull(p.location());
        assertEquals("invalid_client", p.doc().getElementById("error-code").text());
        assertEquals("Invalid value for 'client_id' parameter.", p.doc().getElementById("error-summary").text());
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageAndNoRedirect() throws Exception {
        for (String uri : new String[] {"https://evil.example/callback", SimulatorClient.REDIRECT + "/", SimulatorClient.REDIRECT + "?x=1",
                "HTTP://localhost:8080/sample/authorization-code/callback", null}) {
            HostedBrowser.Page p = browser.authorize(params("redirect_uri", uri, "state", null, "response_type", "token"));
            assertEquals(400, p.status(), String.valueOf(uri));
            assertNull(p.location(), String.valueOf(uri));
            assertEquals("The 'redirect_uri' parameter must be a Login redirect URI in the client app settings",
                    p.doc().getElementById("error-summary").text());
        }
    }

    @Test
    void errorsAfterTheRedirectUriIsKnownGoBackToTheClientWithTheState() throws Exception {
        assertRedirectedError(params("state", null), "invalid_request", "The 'state' parameter is required.", null);
        assertRedirectedError(params("response_type", "token"), "unsupported_response_type",
                "The response type is not supported by the authorization server. Configured response types: [code].", "state-123");
        assertRedirectedError(params("scope", null), "invalid_scope",
                "The authorization server resource does not have any configured default scopes, 'scope' must be provided.", "state-123");
        assertRedirectedError(params("scope", "profile email"), "invalid_scope", "The 'openid' scope is required.", "state-123");
        assertRedirectedError(params("scope", "openid admin:everything"), "invalid_scope",
                "One or more scopes are not configured for the authorization server resource.", "state-123");
        assertRedirectedError(params("code_challenge_method", "plain"), "invalid_request",
                "The 'code_challenge_method' parameter must be 'S256'.", "state-123");
        assertRedirectedError(params("code_challenge", "too-short"), "invalid_request",
                "The 'code_challenge' parameter is invalid.", "state-123");
        assertRedirectedError(params("prompt", "none login"), "invalid_request", "The 'prompt' parameter is invalid.", "state-123");
        assertRedirectedError(params("prompt", "none"), "login_required",
                "The client specified not to prompt, but the user is not logged in.", "state-123");
    }

    @Test
    void aPublicClientMustSendAPkceChallengeAConfidentialOneMayNot() throws Exception {
        assertRedirectedError(params("client_id", "0oa-demo-public-app", "redirect_uri", "http://localhost:8080/spa/callback",
                "code_challenge", null, "code_challenge_method", null), "invalid_request",
                "PKCE code challenge is required when the token endpoint authentication method is 'NONE'.", "state-123");
        HostedBrowser.Page page = browser.authorize(params("code_challenge", null, "code_challenge_method", null));
        assertEquals(200, page.status());
        assertTrue(page.forms().contains("identify"), page.body());
    }

    @Test
    void anAppWithoutTheAuthorizationCodeGrantIsUnauthorized() throws Exception {
        sim.org().addApp(new OrgApp("0oa-idx-only", "secret", "IDX only", List.of("http://localhost:8080/idx/callback"), List.of(),
                List.of("interaction_code"), SignOnMode.IDENTIFIER_FIRST, false));
        assertRedirectedError(params("client_id", "0oa-idx-only", "redirect_uri", "http://localhost:8080/idx/callback"),
                "unauthorized_client", "The client is not authorized to use the provided grant type. Configured grant types: [interaction_code].",
                "state-123");
    }

    @Test
    void anAccessPolicyWithoutTheGrantDeniesAccess() throws Exception {
        List<String> before = sim.org().accessPolicyGrantTypes();
        sim.org().accessPolicyGrantTypes(List.of("interaction_code"));
        try {
            assertRedirectedError(params(), "access_denied",
                    "Policy evaluation failed for this request, please check the policy configurations.", "state-123");
        } finally {
            sim.org().accessPolicyGrantTypes(before);
        }
    }

    @Test
    void formPostAnswersWithAPageThatPostsToTheRedirectUri() throws Exception {
        HostedBrowser.Page p = browser.authorize(params("response_mode", "form_post", "scope", "openid nonsense"));
        assertEquals(200, p.status());
        org.jsoup.nodes.Element form = p.doc().selectFirst("form");
        assertEquals(SimulatorClient.REDIRECT, form.attr("action"));
        assertEquals("post", form.attr("method"));
        assertEquals("invalid_scope", form.selectFirst("input[name=error]").attr("value"));
        assertEquals("state-123", form.selectFirst("input[name=state]").attr("value"));
        assertRedirectedError(params("response_mode", "fragment"), "invalid_request",
                "The 'response_mode' parameter is invalid: only 'query' and 'form_post' are supported with response_type 'code'.", "state-123");
    }

    @Test
    void theStateComesBackExactlyAsSentAndHtmlInTheLoginHintIsEscaped() throws Exception {
        String state = "a b&c=d<e>\"'";
        HostedBrowser.Page p = browser.authorize(params("state", state, "response_type", "x"));
        assertEquals(state, p.callback().get("state"));
        HostedBrowser.Page page = browser.authorize(params("login_hint", "<script>alert(1)</script>@example.com"));
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;@example.com"), page.body());
        assertTrue(page.doc().select("script").isEmpty());
        assertEquals("<script>alert(1)</script>@example.com", page.form("identify").selectFirst("input[name=identifier]").attr("value"));
    }

    private void assertRedirectedError(Map<String, String> params, String error, String description, String state) throws Exception {
        HostedBrowser.Page p = browser.authorize(params);
        assertEquals(302, p.status(), p.body());
        assertTrue(p.location().startsWith(params.get("redirect_uri") + "?"), p.location());
        Map<String, String> cb = p.callback();
        assertEquals(error, cb.get("error"), p.location());
        assertEquals(description, cb.get("error_description"));
        assertEquals(state, cb.get("state"));
        assertNull(cb.get("code"));
    }
}
