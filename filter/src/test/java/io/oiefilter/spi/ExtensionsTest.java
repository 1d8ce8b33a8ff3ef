package io.oiefilter.spi;

import io.oiefilter.activation.ActivationListener;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.activation.JCacheAttemptStore;
import io.oiefilter.activation.SmtpCodeSender;
import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.mgmt.ManagementPort;
import io.oiefilter.web.AuthenticationEntryPoint;
import io.oiefilter.web.DefaultAuthenticationEntryPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.oiefilter.spi.TestParts.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How each pluggable part is found, without a CDI container (the API is on this class path, no container runs):
 * the setting, then ServiceLoader, then the built-in default; every bad value names its setting.
 */
class ExtensionsTest {
    private static final ClassLoader LOADER = ExtensionsTest.class.getClassLoader();
    private static final ExtensionPoint<AuthenticationEntryPoint> ENTRY_POINT = ExtensionPoint.of(AuthenticationEntryPoint.class,
            OieConfig.ENTRY_POINT).builtIn("default", DefaultAuthenticationEntryPoint::new).otherwise(DefaultAuthenticationEntryPoint::new);
    private static final ExtensionPoint<ActivationListener> LISTENERS = ExtensionPoint.of(ActivationListener.class,
            OieConfig.ACTIVATION_LISTENERS);

    private final AtomicInteger portsMade = new AtomicInteger();
    private final ManagementPort port = (ManagementPort) Proxy.newProxyInstance(LOADER, new Class<?>[] {ManagementPort.class},
            (p, m, a) -> null);

    private Extensions extensions(OieConfig config, ClassLoader loader) {
        return new Extensions(config, loader, Map.of(ManagementPort.class, () -> {
            portsMade.incrementAndGet();
            return port;
        }));
    }

    @Test
    void withNothingSetOrFoundEachPartIsItsBuiltInDefault() {
        PluggableParts parts = new PluggableParts(config(), LOADER, () -> {
            throw new AssertionError("no default needs the Management port without a token");
        });
        assertInstanceOf(io.oiefilter.activation.NoActivationStrategy.class, parts.strategy());
        assertEquals(List.of(), parts.listeners());
        assertInstanceOf(InMemoryAttemptStore.class, parts.attempts());
        assertNull(parts.codeSender(), "no SMTP host: the filter sends no codes itself");
        assertInstanceOf(DefaultAuthenticationEntryPoint.class, parts.entryPoint());
        assertInstanceOf(SmtpCodeSender.class, new PluggableParts(config(OieConfig.SMTP_HOST, "127.0.0.1",
                OieConfig.SMTP_FROM, "no-reply@example.com"), LOADER, () -> port).codeSender(), "SMTP when its host is set");
    }

    @Test
    void aSettingChoosesABuiltInByName() {
        PluggableParts parts = new PluggableParts(config(OieConfig.ACTIVATION_ATTEMPT_STORE, "jcache", OieConfig.CODE_SENDER, "none",
                OieConfig.SMTP_HOST, "127.0.0.1", OieConfig.SMTP_FROM, "no-reply@example.com", OieConfig.ENTRY_POINT, "default"), LOADER, () -> port);
        assertInstanceOf(JCacheAttemptStore.class, parts.attempts());
        assertNull(parts.codeSender(), "none wins over the SMTP host being set");
        assertInstanceOf(DefaultAuthenticationEntryPoint.class, parts.entryPoint());
    }

    @Test
    void aClassNameIsMadeWithTheObjectItTakesOrNothing() {
        TestParts.PortEntryPoint withPort = assertInstanceOf(TestParts.PortEntryPoint.class,
                extensions(config(OieConfig.ENTRY_POINT, TestParts.PortEntryPoint.class.getName()), LOADER).one(ENTRY_POINT));
        assertSame(port, withPort.port);
        assertInstanceOf(TestParts.PlainEntryPoint.class,
                extensions(config(OieConfig.ENTRY_POINT, TestParts.PlainEntryPoint.class.getName()), LOADER).one(ENTRY_POINT));
        assertEquals(1, portsMade.get(), "the port is made only for the class that takes it");
    }

    @Test
    void aServiceLoaderProviderIsUsedWhenNothingIsSet(@TempDir Path dir) throws Exception {
        ClassLoader withProvider = TestParts.withServices(dir, AuthenticationEntryPoint.class, TestParts.PlainEntryPoint.class);
        assertInstanceOf(TestParts.PlainEntryPoint.class, extensions(config(), withProvider).one(ENTRY_POINT));
        assertInstanceOf(DefaultAuthenticationEntryPoint.class, extensions(config(OieConfig.ENTRY_POINT, "default"), withProvider)
                .one(ENTRY_POINT), "a setting wins over a service file");
    }

    @Test
    void everyProviderOfAManyPartIsUsedOrOnlyTheNamedOnes(@TempDir Path dir) throws Exception {
        ClassLoader withProvider = TestParts.withServices(dir, ActivationListener.class, TestParts.ProvidedListener.class);
        List<ActivationListener> found = extensions(config(), withProvider).all(LISTENERS);
        assertEquals(List.of(TestParts.ProvidedListener.class), found.stream().map(Object::getClass).toList());
        List<ActivationListener> named = extensions(config(OieConfig.ACTIVATION_LISTENERS, CountingListener.class.getName() + ", "
                + TestParts.ProvidedListener.class.getName()), withProvider).all(LISTENERS);
        assertEquals(List.of(CountingListener.class, TestParts.ProvidedListener.class), named.stream().map(Object::getClass).toList());
    }

    public static final class CountingListener implements ActivationListener {
        @Override
        public void onActivationEvent(io.oiefilter.activation.ActivationEvent event) {
        }
    }

    @Test
    void twoProvidersWhereOneIsWantedIsAnErrorThatNamesTheSetting(@TempDir Path dir) throws Exception {
        ClassLoader two = TestParts.withServices(dir, AuthenticationEntryPoint.class, TestParts.PlainEntryPoint.class,
                TestParts.OtherEntryPoint.class);
        OieConfigException e = assertThrows(OieConfigException.class, () -> extensions(config(), two).one(ENTRY_POINT));
        assertEquals(OieConfig.ENTRY_POINT, e.key());
        assertTrue(e.getMessage().contains("several META-INF/services providers") && e.getMessage().contains("name one"), e.getMessage());
        assertInstanceOf(TestParts.OtherEntryPoint.class, extensions(config(OieConfig.ENTRY_POINT,
                TestParts.OtherEntryPoint.class.getName()), two).one(ENTRY_POINT), "naming one settles it");
    }

    @Test
    void everyBadValueIsAnErrorThatNamesTheSettingAndWhy() {
        Map<String, String> whyByValue = Map.of(
                "com.example.NoSuchEntryPoint", "no class com.example.NoSuchEntryPoint",
                "java.lang.String", "java.lang.String is not a io.oiefilter.web.AuthenticationEntryPoint",
                TestParts.UnmakeableEntryPoint.class.getName(), "has no public constructor taking nothing or a ManagementPort",
                "redirect", "'redirect' is neither built in nor a class name (must be auto, default or a class name)",
                "default, " + TestParts.PlainEntryPoint.class.getName(), "name one implementation, not 2");
        whyByValue.forEach((value, why) -> {
            OieConfigException e = assertThrows(OieConfigException.class,
                    () -> extensions(config(OieConfig.ENTRY_POINT, value), LOADER).one(ENTRY_POINT), value);
            assertEquals(OieConfig.ENTRY_POINT, e.key(), value);
            assertTrue(e.getMessage().startsWith("oie-filter: invalid setting 'oie.entryPoint' (AuthenticationEntryPoint): "), e.getMessage());
            assertTrue(e.getMessage().contains(why), e.getMessage());
        });
        OieConfigException syntax = assertThrows(OieConfigException.class, () -> config(OieConfig.ENTRY_POINT, "auto, default")
                .extension(OieConfig.ENTRY_POINT));
        assertEquals(OieConfig.ENTRY_POINT, syntax.key());
        OieConfigException smtp = assertThrows(OieConfigException.class, () -> new PluggableParts(config(OieConfig.CODE_SENDER, "smtp"),
                LOADER, () -> port));
        assertEquals(OieConfig.SMTP_HOST, smtp.key(), "smtp chosen, its host missing");
        OieConfigException token = assertThrows(OieConfigException.class, () -> new PluggableParts(config(OieConfig.ENTRY_POINT,
                TestParts.PortEntryPoint.class.getName()), LOADER, () -> {
                    throw new OieConfigException(OieConfig.MANAGEMENT_TOKEN, "needs " + OieConfig.MANAGEMENT_TOKEN);
                }));
        assertEquals(OieConfig.MANAGEMENT_TOKEN, token.key(), "what the port needs is named as it is");
    }
}
