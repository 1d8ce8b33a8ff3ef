package io.oiefilter.spi;

import io.oiefilter.config.OieConfig;
import io.oiefilter.web.AuthenticationEntryPoint;
import io.oiefilter.web.DefaultAuthenticationEntryPoint;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a server without the CDI API at all (Tomcat, Jetty): the filter's classes and these tests' are loaded where no
 * {@code jakarta.enterprise} (nor {@code jakarta.mail}) class exists, and every part is still found; a built-in part
 * whose API is missing is a setting error, not a crash.
 */
class ExtensionsWithoutCdiApiTest {

    /** Runs inside the class loader without CDI; answers what it found, by class name. */
    public static final class Finder implements Supplier<List<String>> {
        @Override
        public List<String> get() {
            ExtensionPoint<AuthenticationEntryPoint> point = ExtensionPoint.of(AuthenticationEntryPoint.class, OieConfig.ENTRY_POINT)
                    .otherwise(DefaultAuthenticationEntryPoint::new);
            ClassLoader here = getClass().getClassLoader();
            Extensions unset = new Extensions(TestParts.config(), here, java.util.Map.of());
            Extensions named = new Extensions(TestParts.config(OieConfig.ENTRY_POINT, TestParts.PlainEntryPoint.class.getName()), here,
                    java.util.Map.of());
            PluggableParts parts = new PluggableParts(TestParts.config(), here, () -> null);
            return List.of(unset.one(point).getClass().getName(), named.one(point).getClass().getName(),
                    parts.entryPoint().getClass().getName(), String.valueOf(parts.listeners().size()));
        }
    }

    /** Asks for the filter's own SMTP sender where Jakarta Mail is missing too; answers the setting the error names. */
    public static final class WithoutMail implements Supplier<List<String>> {
        @Override
        public List<String> get() {
            try {
                new PluggableParts(TestParts.config(OieConfig.SMTP_HOST, "127.0.0.1", OieConfig.SMTP_FROM, "no-reply@example.com"),
                        getClass().getClassLoader(), () -> null);
                return List.of("made");
            } catch (io.oiefilter.config.OieConfigException e) {
                return List.of(e.key(), e.getMessage());
            }
        }
    }

    @Test
    void everyPartIsFoundWhereTheCdiApiIsMissing() throws Exception {
        ClassLoader test = getClass().getClassLoader();
        ClassLoader hiding = new ClassLoader(test) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("jakarta.enterprise.") || name.startsWith("jakarta.mail.") || name.startsWith("io.oiefilter.")) {
                    throw new ClassNotFoundException(name); // the filter's own come from the child below, without CDI
                }
                return super.loadClass(name, resolve);
            }
        };
        URL classes = OieConfig.class.getProtectionDomain().getCodeSource().getLocation();
        URL testClasses = getClass().getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutCdi = new URLClassLoader(new URL[] {classes, testClasses}, hiding)) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("jakarta.enterprise.inject.spi.CDI", false, withoutCdi));
            @SuppressWarnings("unchecked")
            Supplier<List<String>> finder = (Supplier<List<String>>) withoutCdi.loadClass(Finder.class.getName())
                    .getConstructor().newInstance();
            assertEquals(List.of(DefaultAuthenticationEntryPoint.class.getName(), TestParts.PlainEntryPoint.class.getName(),
                    DefaultAuthenticationEntryPoint.class.getName(), "0"), finder.get());
            @SuppressWarnings("unchecked")
            Supplier<List<String>> withoutMail = (Supplier<List<String>>) withoutCdi.loadClass(WithoutMail.class.getName())
                    .getConstructor().newInstance();
            List<String> refused = withoutMail.get();
            assertEquals(OieConfig.CODE_SENDER, refused.get(0), "SMTP configured, Jakarta Mail missing: " + refused);
            assertTrue(refused.get(1).contains("needs a class that neither the server nor the application has")
                    && refused.get(1).contains("jakarta/mail/"), refused.get(1));
        }
    }
}
