package io.oiefilter.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MicroProfile Config layer against a real implementation (SmallRye Config, as WildFly and Quarkus
 * have it), found through the application's class loader; and its absence, as on Tomcat or Jetty.
 */
class MicroProfileConfigSourceTest {

    /** An application's class loader whose META-INF/microprofile-config.properties holds {@code properties}. */
    private static URLClassLoader application(Path dir, String properties) throws IOException {
        Path metaInf = Files.createDirectories(dir.resolve("META-INF"));
        Files.writeString(metaInf.resolve("microprofile-config.properties"), properties);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, MicroProfileConfigSourceTest.class.getClassLoader());
    }

    /** A class loader that has no MicroProfile Config, like a Tomcat or Jetty web app's. */
    private static ClassLoader withoutMicroProfile() {
        return new ClassLoader(MicroProfileConfigSourceTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.eclipse.microprofile.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
    }

    @Test
    void valuesComeFromTheApplicationsConfigAndSayWhichOfItsSources(@TempDir Path dir) throws IOException {
        try (URLClassLoader app = application(dir, "okta.oauth2.clientId=0oa-from-mp\n")) {
            ConfigSource mp = MicroProfileConfigSource.of(app).orElseThrow();
            assertEquals("0oa-from-mp", mp.get(OieConfig.CLIENT_ID));
            assertEquals(null, mp.get(OieConfig.CLIENT_SECRET));
            String where = mp.describe(OieConfig.CLIENT_ID);
            assertTrue(where.startsWith("MicroProfile Config property okta.oauth2.clientId (from its source "), where);
            assertTrue(where.contains("microprofile-config.properties"), where);
        }
    }

    @Test
    void itComesAfterTheApplicationsOwnLayers(@TempDir Path dir) throws IOException {
        Map<String, String> context = new java.util.HashMap<>();
        try (URLClassLoader app = application(dir, "okta.oauth2.clientId=0oa-from-mp\n")) {
            List<ConfigSource> sources = ConfigSources.forApplication(k -> null, context::get, app);
            assertTrue(sources.stream().anyMatch(MicroProfileConfigSource.class::isInstance));
            assertTrue(ConfigSources.find(sources, OieConfig.CLIENT_ID).orElseThrow().where().startsWith("MicroProfile Config"));
            context.put(OieConfig.CLIENT_ID, "0oa-from-context");
            assertEquals(new ConfigSources.Found("0oa-from-context", "context-param okta.oauth2.clientId"),
                    ConfigSources.find(sources, OieConfig.CLIENT_ID).orElseThrow());
        }
    }

    @Test
    void aValueItCannotExpandIsAnErrorNamingTheKeyAndTheLayer(@TempDir Path dir) throws IOException {
        try (URLClassLoader app = application(dir, "okta.oauth2.clientSecret=${no.such.alias}\n")) {
            List<ConfigSource> sources = ConfigSources.forApplication(k -> null, k -> null, app);
            OieConfigException e = assertThrows(OieConfigException.class, () -> ConfigSources.find(sources, OieConfig.CLIENT_SECRET));
            assertEquals(OieConfig.CLIENT_SECRET, e.key());
            assertTrue(e.getMessage().contains("could not be read from MicroProfile Config property okta.oauth2.clientSecret"),
                    e.getMessage());
        }
    }

    @Test
    void withoutMicroProfileConfigTheLayerIsLeftOutAndTheRestWork() {
        ClassLoader tomcatLike = withoutMicroProfile();
        assertEquals(Optional.empty(), MicroProfileConfigSource.of(tomcatLike));
        List<ConfigSource> sources = ConfigSources.forApplication(Map.of(OieConfig.CLIENT_ID, "0oa-init")::get, k -> null, tomcatLike);
        assertFalse(sources.stream().anyMatch(MicroProfileConfigSource.class::isInstance));
        assertEquals("0oa-init", ConfigSources.find(sources, OieConfig.CLIENT_ID).orElseThrow().value());
        OieConfigException missing = assertThrows(OieConfigException.class, () -> OieConfig.resolve(sources));
        assertFalse(missing.getMessage().contains("MicroProfile"), "not offered where there is none: " + missing.getMessage());
    }
}
