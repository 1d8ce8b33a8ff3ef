package io.oiefilter.spi;

import io.oiefilter.activation.ActivationEvent;
import io.oiefilter.activation.ActivationListener;
import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.OieConfig;
import io.oiefilter.mgmt.ManagementPort;
import io.oiefilter.web.AuthenticationEntryPoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Implementations an application could plug in, and the settings and class loaders the tests find them with. */
public final class TestParts {
    private TestParts() {
    }

    /** An entry point with nothing to be given. */
    public static class PlainEntryPoint implements AuthenticationEntryPoint {
        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, String signInPath) throws IOException {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /** Another, for "several providers". */
    public static class OtherEntryPoint extends PlainEntryPoint {
    }

    /** An entry point that takes the filter's Management port. */
    public static class PortEntryPoint extends PlainEntryPoint {
        final ManagementPort port;

        public PortEntryPoint(ManagementPort port) {
            this.port = port;
        }
    }

    /** No constructor the filter can call. */
    public static class UnmakeableEntryPoint extends PlainEntryPoint {
        public UnmakeableEntryPoint(String what) {
        }
    }

    /** A listener found through META-INF/services. */
    public static class ProvidedListener implements ActivationListener {
        @Override
        public void onActivationEvent(ActivationEvent event) {
        }
    }

    /** The demo settings plus {@code key, value} pairs. */
    static OieConfig config(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of(OieConfig.ISSUER, "https://example.okta.com/oauth2/default",
                OieConfig.CLIENT_ID, "c", OieConfig.CLIENT_SECRET, "s", OieConfig.REDIRECT_URI, "https://app.example.com/cb"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return OieConfig.resolve(List.of(ConfigSource.named(m::get, k -> k)));
    }

    /** A class loader that adds service files ({@code META-INF/services/<interface>}, one class a line) to this one. */
    static ClassLoader withServices(Path dir, Class<?> type, Class<?>... providers) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.write(services.resolve(type.getName()), java.util.Arrays.stream(providers).map(Class::getName).toList());
        return new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, TestParts.class.getClassLoader());
    }
}
