package io.oiefilter.deps;

import com.okta.idx.sdk.api.client.IDXAuthenticationWrapper;
import com.okta.idx.sdk.api.io.StringResource;
import com.okta.idx.sdk.api.model.AuthenticationOptions;
import com.okta.idx.sdk.api.model.AuthenticationStatus;
import com.okta.idx.sdk.api.response.AuthenticationResponse;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.model.UserGetSingleton;
import com.okta.sdk.resource.model.UserStatus;
import io.oiefilter.SimulatorFixture;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.error.YAMLException;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parent pom replaces the snakeyaml 1.27 that okta-idx-java 2.0.0 brings (CVE-2022-1471 and the 2022 DoS
 * CVEs) with a 2.x release. Both Okta SDKs parse {@code okta.yaml} with it in their own
 * {@code YAMLPropertiesSource} (IDX: {@code new Yaml().loadAs(in, Map.class)}; management:
 * {@code new Yaml(new SafeConstructor(new LoaderOptions())).load(in)}). These tests run exactly that code with the
 * snakeyaml on the classpath: each SDK is configured only by a classpath {@code okta.yaml} and then used against the
 * simulator, so a value the SDK failed to read would fail the call.
 */
class SnakeYamlOverrideTest {
    private static final String API_TOKEN = "00demo-management-api-token-not-for-production";
    private static final String HTTPS_CHECK = "okta.testing.disableHttpsCheck";

    private static Simulator sim;

    @BeforeAll
    static void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
    }

    @AfterAll
    static void stop() {
        sim.stop();
    }

    /**
     * Runs {@code body} with {@code yaml} as the classpath's {@code okta.yaml} (through the thread's context class
     * loader, which okta-commons asks first), an empty home directory (no {@code ~/.okta/okta.yaml}) and no
     * {@code okta.testing.disableHttpsCheck} system property, so that the http loopback issuer is accepted only if
     * the YAML's own {@code disableHttpsCheck: true} was read.
     */
    private static <T> T withClasspathOktaYaml(Path dir, String yaml, Callable<T> body) throws Exception {
        Path classpath = Files.createDirectories(dir.resolve("classpath"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(classpath.resolve("okta.yaml"), yaml);
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        String previousHome = System.getProperty("user.home");
        String previousHttpsCheck = System.clearProperty(HTTPS_CHECK);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, previousLoader)) {
            thread.setContextClassLoader(loader);
            System.setProperty("user.home", home.toString());
            return body.call();
        } finally {
            thread.setContextClassLoader(previousLoader);
            System.setProperty("user.home", previousHome);
            if (previousHttpsCheck != null) {
                System.setProperty(HTTPS_CHECK, previousHttpsCheck);
            }
        }
    }

    @Test
    void theIdxSdkIsConfiguredFromOktaYamlAndSignsIn(@TempDir Path dir) throws Exception {
        String yaml = """
                okta:
                  idx:
                    issuer: %s
                    clientId: %s
                    clientSecret: %s
                    scopes:
                      - openid
                      - profile
                      - email
                    redirectUri: http://localhost:8080/sample/authorization-code/callback
                  testing:
                    disableHttpsCheck: true
                """.formatted(sim.issuer(), SimulatorFixture.CLIENT_ID, SimulatorFixture.SECRET);

        AuthenticationResponse signedIn = withClasspathOktaYaml(dir, yaml, () -> {
            IDXAuthenticationWrapper sdk = new IDXAuthenticationWrapper(); // no arguments: okta.yaml is the only config
            AuthenticationResponse begin = sdk.begin();
            assertNotNull(begin.getProceedContext(), "interact and introspect with the YAML's issuer and client id: " + begin.getErrors());
            return sdk.authenticate(new AuthenticationOptions(SimulatorFixture.ALICE, SimulatorFixture.ALICE_PASSWORD.toCharArray()),
                    begin.getProceedContext());
        });

        // The token call authenticates with the YAML's client secret; the scopes list was read as three scopes.
        assertEquals(AuthenticationStatus.SUCCESS, signedIn.getAuthenticationStatus(), String.valueOf(signedIn.getErrors()));
        assertNotNull(signedIn.getTokenResponse().getIdToken());
        assertEquals(Set.of("openid", "profile", "email"), Set.of(signedIn.getTokenResponse().getScope().split(" ")));
    }

    @Test
    void theManagementSdkIsConfiguredFromOktaYamlAndReadsAUser(@TempDir Path dir) throws Exception {
        String yaml = """
                okta:
                  client:
                    orgUrl: %s
                    token: %s
                    cache:
                      enabled: false
                  testing:
                    disableHttpsCheck: true
                """.formatted(sim.baseUri(), API_TOKEN);

        UserGetSingleton alice = withClasspathOktaYaml(dir, yaml, () -> {
            ApiClient client = Clients.builder().build(); // nothing set in code: okta.yaml is the only config
            assertEquals(sim.baseUri(), client.getBasePath());
            return new UserApi(client).getUser(SimulatorFixture.ALICE, null, null); // SSWS with the YAML's token
        });

        assertEquals(SimulatorFixture.ALICE, alice.getProfile().getLogin());
        assertEquals(UserStatus.ACTIVE, alice.getStatus());
    }

    /** Instantiated only if YAML could name a class to construct: what CVE-2022-1471 is about. */
    public static final class Canary {
        static volatile boolean constructed;

        public Canary() {
            constructed = true;
        }
    }

    @Test
    void theIdxSdksYamlParserRefusesToConstructArbitraryClasses() {
        // okta-idx-java parses with new Yaml() (snakeyaml's full Constructor). 1.x builds any class a global tag
        // names; 2.x refuses global tags unless a TagInspector allows them.
        String yaml = """
                okta:
                  idx:
                    issuer: !!io.oiefilter.deps.SnakeYamlOverrideTest$Canary {}
                """;
        com.okta.idx.sdk.api.config.YAMLPropertiesSource source =
                new com.okta.idx.sdk.api.config.YAMLPropertiesSource(new StringResource(yaml));

        YAMLException refused = assertThrows(YAMLException.class, source::getProperties,
                () -> "a global tag must not be honoured (Canary constructed: " + Canary.constructed + ")");
        assertTrue(refused.getMessage().contains("Global tag is not allowed"), refused.getMessage());
        assertFalse(Canary.constructed);
    }

    @Test
    void theIdxSdksYamlParserStillReadsPlainValues() {
        String yaml = """
                okta:
                  idx:
                    clientId: "0oa-quoted"
                    scopes: [openid, email]
                  testing:
                    disableHttpsCheck: false
                """;
        Map<String, String> read = new com.okta.idx.sdk.api.config.YAMLPropertiesSource(new StringResource(yaml)).getProperties();
        assertEquals(Map.of("okta.idx.clientId", "0oa-quoted", "okta.idx.scopes", "openid,email",
                "okta.testing.disableHttpsCheck", "false"), read);
    }
}
