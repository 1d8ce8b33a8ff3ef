package io.oiefilter.session;

import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.spi.PluggableParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which claims mapper an application gets: the named class, a ServiceLoader provider, or the default with the claim settings. */
class ClaimsMapperLookupTest {
    private static final ClassLoader LOADER = ClaimsMapperLookupTest.class.getClassLoader();

    /** An application's own mapping, as a ServiceLoader provider or a named class would be. */
    public static final class Prefixed implements ClaimsMapper {
        @Override
        public PrincipalMapping map(Map<String, Object> claims) {
            return PrincipalMapping.of("user:" + claims.get("sub"), List.of("ROLE_USER"));
        }
    }

    private static OieConfig config(String... kv) {
        Map<String, String> values = new HashMap<>(Map.of(OieConfig.ISSUER, "https://org.example.com/oauth2/default",
                OieConfig.CLIENT_ID, "c", OieConfig.CLIENT_SECRET, "s", OieConfig.REDIRECT_URI, "https://app.example.com/cb"));
        for (int i = 0; i < kv.length; i += 2) {
            values.put(kv[i], kv[i + 1]);
        }
        return OieConfig.resolve(List.of(ConfigSource.initParameters(values::get)));
    }

    /** The claims mapper the filter would use, found the way every pluggable part is. */
    private static ClaimsMapper mapper(OieConfig config, ClassLoader loader) {
        return new PluggableParts(config, loader, () -> null).claimsMapper();
    }

    @Test
    void byDefaultTheClaimSettingsDecide() {
        ClaimsMapper m = mapper(config(OieConfig.PRINCIPAL_CLAIM, "email", OieConfig.GROUPS_CLAIM, "roles"), LOADER);
        DefaultClaimsMapper d = assertInstanceOf(DefaultClaimsMapper.class, m);
        assertEquals("email", d.principalClaim());
        assertEquals("roles", d.groupsClaim());
    }

    @Test
    void aNamedClassIsMade() {
        ClaimsMapper m = mapper(config(OieConfig.CLAIMS_MAPPER, Prefixed.class.getName()), LOADER);
        assertEquals(new PrincipalMapping("user:00u1", Set.of("ROLE_USER")), m.map(Map.of("sub", "00u1")));
    }

    @Test
    void aProviderIsFoundByTheServiceLoader(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(ClaimsMapper.class.getName()), Prefixed.class.getName() + "\n");
        try (URLClassLoader app = new URLClassLoader(new URL[]{dir.toUri().toURL()}, LOADER)) {
            assertInstanceOf(Prefixed.class, mapper(config(), app));
        }
    }

    @Test
    void aBadNameIsAConfigurationErrorThatNamesTheKey() {
        OieConfigException missing = assertThrows(OieConfigException.class,
                () -> mapper(config(OieConfig.CLAIMS_MAPPER, "com.example.NoSuchMapper"), LOADER));
        assertTrue(missing.getMessage().contains(OieConfig.CLAIMS_MAPPER), missing.getMessage());
        OieConfigException wrongType = assertThrows(OieConfigException.class,
                () -> mapper(config(OieConfig.CLAIMS_MAPPER, String.class.getName()), LOADER));
        assertTrue(wrongType.getMessage().contains("is not a " + ClaimsMapper.class.getName()), wrongType.getMessage());
        OieConfigException notAName = assertThrows(OieConfigException.class,
                () -> mapper(config(OieConfig.CLAIMS_MAPPER, "not a class"), LOADER));
        assertTrue(notAName.getMessage().contains(OieConfig.CLAIMS_MAPPER), notAName.getMessage());
    }
}
