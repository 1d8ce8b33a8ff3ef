package io.oiefilter.spi;

import io.oiefilter.activation.ActivationEvent;
import io.oiefilter.activation.ActivationListener;
import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.mgmt.ManagementPort;
import io.oiefilter.web.AuthenticationEntryPoint;
import io.oiefilter.web.DefaultAuthenticationEntryPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.oiefilter.spi.TestParts.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a real CDI container (Weld SE): the application's bean comes first when nothing is set, with its injections. */
class ExtensionsCdiTest {
    private static final ExtensionPoint<AuthenticationEntryPoint> ENTRY_POINT = ExtensionPoint.of(AuthenticationEntryPoint.class,
            OieConfig.ENTRY_POINT).builtIn("default", DefaultAuthenticationEntryPoint::new).otherwise(DefaultAuthenticationEntryPoint::new);
    private static final ExtensionPoint<ActivationListener> LISTENERS = ExtensionPoint.of(ActivationListener.class,
            OieConfig.ACTIVATION_LISTENERS);

    /** A bean of the application's own, injected into the parts. */
    @ApplicationScoped
    public static class Greeting {
        public String text() {
            return "injected";
        }
    }

    @ApplicationScoped
    public static class CdiEntryPoint extends TestParts.PlainEntryPoint {
        @Inject
        Greeting greeting;

        public String greeting() {
            return greeting.text();
        }
    }

    @ApplicationScoped
    public static class OtherCdiEntryPoint extends TestParts.PlainEntryPoint {
    }

    @ApplicationScoped
    public static class CdiListener implements ActivationListener {
        @Inject
        Greeting greeting;

        @Override
        public void onActivationEvent(ActivationEvent event) {
        }

        public String greeting() {
            return greeting.text();
        }
    }

    private static WeldContainer cdi(Class<?>... beans) {
        return new Weld().disableDiscovery().addBeanClasses(beans).initialize();
    }

    private static Extensions extensions(OieConfig config, ClassLoader loader) {
        return new Extensions(config, loader, Map.of(ManagementPort.class, () -> {
            throw new AssertionError("not asked for");
        }));
    }

    @Test
    void theApplicationsBeanComesFirstWithItsInjections(@TempDir Path dir) throws Exception {
        ClassLoader withProvider = TestParts.withServices(dir, AuthenticationEntryPoint.class, TestParts.PlainEntryPoint.class);
        try (WeldContainer ignored = cdi(Greeting.class, CdiEntryPoint.class)) {
            CdiEntryPoint bean = assertInstanceOf(CdiEntryPoint.class, extensions(config(), withProvider).one(ENTRY_POINT),
                    "a CDI bean before a service file");
            assertEquals("injected", bean.greeting());
            assertInstanceOf(DefaultAuthenticationEntryPoint.class, extensions(config(OieConfig.ENTRY_POINT, "default"), withProvider)
                    .one(ENTRY_POINT), "a setting wins over the bean");
        }
        assertInstanceOf(TestParts.PlainEntryPoint.class, extensions(config(), withProvider).one(ENTRY_POINT),
                "the container stopped: the service file");
    }

    @Test
    void aNamedClassThatIsABeanComesFromCdi() {
        try (WeldContainer ignored = cdi(Greeting.class, CdiEntryPoint.class, OtherCdiEntryPoint.class)) {
            CdiEntryPoint bean = assertInstanceOf(CdiEntryPoint.class, extensions(config(OieConfig.ENTRY_POINT,
                    CdiEntryPoint.class.getName()), getClass().getClassLoader()).one(ENTRY_POINT));
            assertEquals("injected", bean.greeting(), "made by CDI, not by its constructor");
        }
    }

    @Test
    void twoBeansWhereOneIsWantedIsAnErrorThatNamesTheSetting() {
        try (WeldContainer ignored = cdi(Greeting.class, CdiEntryPoint.class, OtherCdiEntryPoint.class)) {
            OieConfigException e = assertThrows(OieConfigException.class,
                    () -> extensions(config(), getClass().getClassLoader()).one(ENTRY_POINT));
            assertEquals(OieConfig.ENTRY_POINT, e.key());
            assertTrue(e.getMessage().contains("several CDI beans (" + CdiEntryPoint.class.getName() + ", "
                    + OtherCdiEntryPoint.class.getName() + "): name one"), e.getMessage());
        }
    }

    @Test
    void listenersAreEveryBeanAndEveryProviderEachClassOnce(@TempDir Path dir) throws Exception {
        ClassLoader withProviders = TestParts.withServices(dir, ActivationListener.class, TestParts.ProvidedListener.class,
                CdiListener.class);
        try (WeldContainer ignored = cdi(Greeting.class, CdiListener.class)) {
            List<ActivationListener> all = extensions(config(), withProviders).all(LISTENERS);
            assertEquals(2, all.size(), all.toString());
            assertEquals("injected", assertInstanceOf(CdiListener.class, all.get(0)).greeting(), "the bean, not the provider's copy");
            assertInstanceOf(TestParts.ProvidedListener.class, all.get(1));
        }
    }
}
