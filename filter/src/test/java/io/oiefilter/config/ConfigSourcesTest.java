package io.oiefilter.config;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layers of an application's settings: their order, each one, the okta-spring-boot names, the messages. */
class ConfigSourcesTest {
    private static final String KEY = OieConfig.CLIENT_ID;

    /** Six layers as {@link ConfigSources#forApplication} orders them, each answering from its own map. */
    private static final class Layers {
        final Map<String, String> initParams = new HashMap<>();
        final Map<String, String> contextParams = new HashMap<>();
        final Map<String, Object> jndi = new HashMap<>();
        final Map<String, String> microProfile = new HashMap<>();
        final Map<String, String> systemProperties = new HashMap<>();
        final Map<String, String> environment = new HashMap<>();

        List<ConfigSource> sources() {
            return ConfigSources.ordered(initParams::get, contextParams::get, new JndiConfigSource(() -> FakeJndi.context(jndi)),
                    ConfigSource.named(microProfile::get, k -> "MicroProfile Config property " + k), systemProperties::get,
                    environment::get);
        }
    }

    private static ConfigSources.Found find(Layers layers, String key) {
        return ConfigSources.find(layers.sources(), key).orElseThrow();
    }

    @Test
    void theFirstLayerThatAnswersWinsInTheDocumentedOrder() {
        Layers l = new Layers();
        l.environment.put("OKTA_OAUTH2_CLIENT_ID", "env");
        assertEquals(new ConfigSources.Found("env", "environment variable OKTA_OAUTH2_CLIENT_ID"), find(l, KEY));
        l.systemProperties.put(KEY, "sysprop");
        assertEquals(new ConfigSources.Found("sysprop", "system property " + KEY), find(l, KEY));
        l.microProfile.put(KEY, "mp");
        assertEquals(new ConfigSources.Found("mp", "MicroProfile Config property " + KEY), find(l, KEY));
        l.jndi.put("java:comp/env/" + KEY, "jndi");
        assertEquals(new ConfigSources.Found("jndi", "JNDI entry java:comp/env/" + KEY), find(l, KEY));
        l.contextParams.put(KEY, "context");
        assertEquals(new ConfigSources.Found("context", "context-param " + KEY), find(l, KEY));
        l.initParams.put(KEY, " init ");
        assertEquals(new ConfigSources.Found("init", "filter init-param " + KEY), find(l, KEY), "trimmed");
    }

    @Test
    void aBlankValueIsNoAnswer() {
        Layers l = new Layers();
        l.initParams.put(KEY, "  ");
        l.systemProperties.put(KEY, "sysprop");
        assertEquals("sysprop", find(l, KEY).value());
        assertTrue(ConfigSources.find(new Layers().sources(), KEY).isEmpty());
    }

    @Test
    void jndiEntriesAreReadDottedThenSlashedAndNumbersAsText() {
        Layers l = new Layers();
        l.jndi.put("java:comp/env/okta/oauth2/clientId", "slashed");
        assertEquals(new ConfigSources.Found("slashed", "JNDI entry java:comp/env/okta/oauth2/clientId"), find(l, KEY));
        l.jndi.put("java:comp/env/okta.oauth2.clientId", "dotted");
        assertEquals("dotted", find(l, KEY).value());
        l.jndi.put("java:comp/env/oie/httpTimeoutSeconds", 7); // an env-entry of type java.lang.Integer
        assertEquals("7", find(l, OieConfig.HTTP_TIMEOUT).value());
    }

    @Test
    void aJndiEntryThatIsNotTextIsAnErrorNamingIt() {
        Layers l = new Layers();
        l.jndi.put("java:comp/env/okta.oauth2.clientSecret", new Object());
        OieConfigException e = assertThrows(OieConfigException.class, () -> ConfigSources.find(l.sources(), OieConfig.CLIENT_SECRET));
        assertEquals(OieConfig.CLIENT_SECRET, e.key());
        assertTrue(e.getMessage().contains("JNDI entry java:comp/env/okta.oauth2.clientSecret"), e.getMessage());
        assertTrue(e.getMessage().contains("not a text value"), e.getMessage());
    }

    @Test
    void withoutANamingServiceJndiIsSimplyEmpty() {
        List<String> asked = new ArrayList<>();
        JndiConfigSource none = new JndiConfigSource(() -> {
            asked.add("context");
            return null;
        });
        assertEquals(null, none.get(KEY));
        assertEquals(null, none.get(OieConfig.ISSUER));
        assertEquals(List.of("context"), asked, "asked once for a naming context, not for every setting");
        assertEquals(null, JndiConfigSource.ofContainer().get(KEY), "a plain JVM has no java:comp/env");
    }

    @Test
    void environmentVariablesInOurFormAndInSpringsAndMicroProfilesForm() {
        Map<String, String> env = new HashMap<>();
        ConfigSource source = ConfigSource.environment(env::get);
        env.put("OKTA_OAUTH2_CLIENTID", "spring");
        assertEquals("spring", source.get(KEY));
        assertEquals("environment variable OKTA_OAUTH2_CLIENTID", source.describe(KEY));
        env.put("OKTA_OAUTH2_CLIENT_ID", "ours");
        assertEquals("ours", source.get(KEY), "ours first");
        assertEquals("environment variable OKTA_OAUTH2_CLIENT_ID", source.describe(KEY));
        assertEquals("environment variable OKTA_OAUTH2_ISSUER", source.describe(OieConfig.ISSUER), "unset: our form is named");
    }

    @Test
    void oktaSpringBootNamesAreAliases() {
        assertEquals(List.of(OieConfig.GROUPS_CLAIM, "okta.oauth2.groupsClaim", "okta.oauth2.groups-claim"),
                ConfigNames.of(OieConfig.GROUPS_CLAIM));
        assertEquals(List.of(OieConfig.POST_LOGOUT_REDIRECT_URI, "okta.oauth2.postLogoutRedirectUri",
                "okta.oauth2.post-logout-redirect-uri"), ConfigNames.of(OieConfig.POST_LOGOUT_REDIRECT_URI));
        assertEquals(List.of(KEY, "okta.oauth2.client-id"), ConfigNames.of(KEY));
        assertEquals(List.of(OieConfig.ISSUER), ConfigNames.of(OieConfig.ISSUER));
        assertEquals(List.of(OieConfig.PROTECTED_PATHS), ConfigNames.of(OieConfig.PROTECTED_PATHS), "our own names: no kebab-case");

        Layers l = new Layers();
        l.systemProperties.put("okta.oauth2.groupsClaim", "roles");
        l.environment.put("OKTA_OAUTH2_POSTLOGOUTREDIRECTURI", "https://app.example.com/bye");
        assertEquals(new ConfigSources.Found("roles", "system property okta.oauth2.groupsClaim"), find(l, OieConfig.GROUPS_CLAIM));
        assertEquals(new ConfigSources.Found("https://app.example.com/bye", "environment variable OKTA_OAUTH2_POSTLOGOUTREDIRECTURI"),
                find(l, OieConfig.POST_LOGOUT_REDIRECT_URI));
        l.contextParams.put("okta.oauth2.client-secret", "kebab");
        assertEquals(new ConfigSources.Found("kebab", "context-param okta.oauth2.client-secret"), find(l, OieConfig.CLIENT_SECRET));
    }

    @Test
    void ourNameWinsOverAnAliasInOneLayerButTheLayerOrderComesFirst() {
        Layers l = new Layers();
        l.contextParams.put("okta.oauth2.groupsClaim", "alias");
        l.contextParams.put(OieConfig.GROUPS_CLAIM, "ours");
        assertEquals("ours", find(l, OieConfig.GROUPS_CLAIM).value());
        l.initParams.put("okta.oauth2.groups-claim", "init-param alias");
        assertEquals("init-param alias", find(l, OieConfig.GROUPS_CLAIM).value());
    }

    @Test
    void aBadValueIsNamedWithItsLayerAndTheNameItWasGivenUnder() {
        Layers l = new Layers();
        l.initParams.putAll(Map.of(OieConfig.ISSUER, "https://example.okta.com/oauth2/default", KEY, "0oa1",
                OieConfig.CLIENT_SECRET, "s3cr3t-value", OieConfig.REDIRECT_URI, "https://app.example.com/cb"));
        l.jndi.put("java:comp/env/okta/oauth2/post-logout-redirect-uri", "not a url");
        OieConfigException e = assertThrows(OieConfigException.class, () -> OieConfig.resolve(l.sources()));
        assertEquals(OieConfig.POST_LOGOUT_REDIRECT_URI, e.key());
        assertTrue(e.getMessage().contains("(from JNDI entry java:comp/env/okta/oauth2/post-logout-redirect-uri)"), e.getMessage());

        l.jndi.clear();
        l.microProfile.put("okta.oauth2.groupsClaim", "no spaces allowed");
        e = assertThrows(OieConfigException.class, () -> OieConfig.resolve(l.sources()));
        assertTrue(e.getMessage().contains("(from MicroProfile Config property okta.oauth2.groupsClaim)"), e.getMessage());
    }

    @Test
    void aMissingSettingSaysWhereItMayBeSet() {
        OieConfigException e = assertThrows(OieConfigException.class, () -> OieConfig.resolve(new Layers().sources()));
        assertEquals(OieConfig.ISSUER, e.key());
        for (String where : List.of("init-param or context-param okta.oauth2.issuer", "JNDI entry java:comp/env/okta.oauth2.issuer",
                "system property okta.oauth2.issuer", "environment variable OKTA_OAUTH2_ISSUER")) {
            assertTrue(e.getMessage().contains(where), e.getMessage());
        }
    }
}
