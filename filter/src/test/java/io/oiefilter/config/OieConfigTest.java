package io.oiefilter.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OieConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put(OieConfig.ISSUER, "https://example.okta.com/oauth2/default/");
        m.put(OieConfig.CLIENT_ID, "0oa123");
        m.put(OieConfig.CLIENT_SECRET, "s3cr3t-value");
        m.put(OieConfig.REDIRECT_URI, "https://app.example.com/callback");
        return m;
    }

    private static ConfigSource source(Map<String, String> values) {
        return ConfigSource.named(values::get, k -> "test " + k);
    }

    @Test
    void resolvesWithDefaults() {
        OieConfig c = OieConfig.resolve(List.of(source(valid())));
        assertEquals("https://example.okta.com/oauth2/default", c.issuer().toString(), "trailing slash dropped");
        assertEquals(List.of("openid", "profile", "email"), c.scopes());
        assertEquals("/oie", c.basePath());
        assertTrue(c.protectedPaths().matches("/anything"));
        assertFalse(c.excludedPaths().matches("/anything"));
        assertEquals("preferred_username", c.principalClaim());
    }

    @Test
    void theSessionKeepsWhatSignInAndSignOutNeedUnlessToldOtherwise() {
        Map<String, String> m = valid();
        assertEquals(java.util.Set.of("refresh"), OieConfig.resolve(List.of(source(m))).sessionContents().tokens());
        m.put(OieConfig.POST_LOGOUT_REDIRECT_URI, "https://app.example.com/");
        assertEquals(java.util.Set.of("id", "refresh"), OieConfig.resolve(List.of(source(m))).sessionContents().tokens());
        m.put(OieConfig.SESSION_TOKENS, "access");
        OieConfigException e = assertThrows(OieConfigException.class, () -> OieConfig.resolve(List.of(source(m))));
        assertEquals(OieConfig.SESSION_TOKENS, e.key());
        assertTrue(e.getMessage().contains("end-session"), e.getMessage());
        m.put(OieConfig.SESSION_TOKENS, "id, access");
        m.put(OieConfig.SESSION_CLAIMS, "email groups");
        OieConfig c = OieConfig.resolve(List.of(source(m)));
        assertEquals(java.util.Set.of("id", "access"), c.sessionContents().tokens());
        assertEquals(java.util.Set.of("email", "groups"), c.sessionContents().claims());
    }

    @Test
    void aMissingKeyIsNamedWithWhereToSetIt() {
        Map<String, String> m = valid();
        m.remove(OieConfig.CLIENT_SECRET);
        OieConfigException e = assertThrows(OieConfigException.class, () -> OieConfig.resolve(List.of(source(m))));
        assertEquals(OieConfig.CLIENT_SECRET, e.key());
        assertTrue(e.getMessage().contains("okta.oauth2.clientSecret"), e.getMessage());
        assertTrue(e.getMessage().contains("OKTA_OAUTH2_CLIENT_SECRET"), e.getMessage());
    }

    @Test
    void anInvalidValueIsNamedWithItsSource() {
        Map<String, String> m = valid();
        m.put(OieConfig.ISSUER, "http://example.okta.com/oauth2/default");
        OieConfigException e = assertThrows(OieConfigException.class, () -> OieConfig.resolve(List.of(source(m))));
        assertEquals(OieConfig.ISSUER, e.key());
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        assertTrue(e.getMessage().contains("test okta.oauth2.issuer"), e.getMessage());

        m.put(OieConfig.ISSUER, "https://example.okta.com/oauth2/default");
        m.put(OieConfig.SCOPES, "profile email");
        assertEquals(OieConfig.SCOPES, assertThrows(OieConfigException.class, () -> OieConfig.resolve(List.of(source(m)))).key());
        m.remove(OieConfig.SCOPES);
        m.put(OieConfig.PROTECTED_PATHS, "/app/*/x");
        assertEquals(OieConfig.PROTECTED_PATHS, assertThrows(OieConfigException.class, () -> OieConfig.resolve(List.of(source(m)))).key());
        m.remove(OieConfig.PROTECTED_PATHS);
        m.put(OieConfig.DEFAULT_SUCCESS_PATH, "//evil.example/");
        assertEquals(OieConfig.DEFAULT_SUCCESS_PATH, assertThrows(OieConfigException.class, () -> OieConfig.resolve(List.of(source(m)))).key());
    }

    @Test
    void signUpDomainsAndTheHelpLinkAreCheckedOnce() {
        Map<String, String> m = valid();
        OieConfig defaults = OieConfig.resolve(List.of(source(m)));
        assertEquals(List.of(), defaults.signUpEmailDomains(), "any domain by default");
        assertTrue(defaults.helpUrl().isEmpty());
        m.put(OieConfig.SIGN_UP_EMAIL_DOMAINS, "@Example.com, acme.test example.com");
        m.put(OieConfig.HELP_URL, "/app/help.jsp");
        OieConfig c = OieConfig.resolve(List.of(source(m)));
        assertEquals(List.of("example.com", "acme.test"), c.signUpEmailDomains());
        assertEquals("/app/help.jsp", c.helpUrl().orElseThrow());
        for (String[] bad : new String[][] {{OieConfig.SIGN_UP_EMAIL_DOMAINS, "example..com"}, {OieConfig.SIGN_UP_EMAIL_DOMAINS, "*.com"},
                {OieConfig.HELP_URL, "javascript:alert(1)"}, {OieConfig.HELP_URL, "//evil.example/help"}}) {
            Map<String, String> b = valid();
            b.put(bad[0], bad[1]);
            OieConfigException e = assertThrows(OieConfigException.class, () -> OieConfig.resolve(List.of(source(b))), bad[1]);
            assertEquals(bad[0], e.key());
        }
    }

        @Test
    void httpIsAcceptedOnlyForLoopbackIssuers() {
        Map<String, String> m = valid();
        for (String issuer : List.of("http://127.0.0.1:9080/oauth2/default", "http://localhost:9080/oauth2/default", "http://[::1]:9080/oauth2/default")) {
            m.put(OieConfig.ISSUER, issuer);
            assertTrue(OieConfig.resolve(List.of(source(m))).issuerIsLoopbackHttp(), issuer);
        }
        m.put(OieConfig.ISSUER, "http://10.0.0.5/oauth2/default");
        assertThrows(OieConfigException.class, () -> OieConfig.resolve(List.of(source(m))));
    }

    @Test
    void earlierSourcesWin() {
        Map<String, String> operator = Map.of(OieConfig.CLIENT_ID, "from-operator");
        OieConfig c = OieConfig.resolve(List.of(source(operator), source(valid())));
        assertEquals("from-operator", c.clientId());
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertFalse(OieConfig.resolve(List.of(source(valid()))).toString().contains("s3cr3t-value"));
    }

    @Test
    void environmentNamesFollowTheOktaConvention() {
        assertEquals("OKTA_OAUTH2_ISSUER", ConfigSource.environmentName("okta.oauth2.issuer"));
        assertEquals("OKTA_OAUTH2_CLIENT_ID", ConfigSource.environmentName("okta.oauth2.clientId"));
        assertEquals("OIE_PROTECTED_PATHS", ConfigSource.environmentName("oie.protectedPaths"));
    }

    @Test
    void pathPatterns() {
        PathPatterns p = PathPatterns.parse("/app/*, /api/*  /about *.secret");
        assertTrue(p.matches("/app"));
        assertTrue(p.matches("/app/index.jsp"));
        assertFalse(p.matches("/application"));
        assertTrue(p.matches("/about"));
        assertFalse(p.matches("/about/more"));
        assertTrue(p.matches("/x/y.secret"));
        assertFalse(p.matches("/"));
    }
}
