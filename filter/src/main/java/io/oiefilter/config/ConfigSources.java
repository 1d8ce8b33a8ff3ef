package io.oiefilter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an application's settings come from, most specific first; the first that answers wins:
 * <ol>
 *   <li>the filter's init-params (web.xml),</li>
 *   <li>the application's context-params (web.xml, or the server's per-app settings such as Tomcat's
 *       {@code <Parameter>}),</li>
 *   <li>its JNDI environment entries ({@code java:comp/env/okta.oauth2.clientId} or
 *       {@code java:comp/env/okta/oauth2/clientId}),</li>
 *   <li>MicroProfile Config, when the server has it,</li>
 *   <li>system properties,</li>
 *   <li>environment variables.</li>
 * </ol>
 * The first three belong to one application, so two apps on one server each have their own; the last
 * two are the JVM's. Each source is asked for every name of a setting ({@link ConfigNames}) before the next
 * source is asked.
 */
public final class ConfigSources {

    /** A value and where it was found, for messages. */
    public record Found(String value, String where) {
    }

    private ConfigSources() {
    }

    /**
     * An application's sources in the documented order.
     *
     * @param initParameter    the filter's init-params
     * @param contextParameter the application's context-params
     * @param loader           the application's class loader, through which MicroProfile Config is found
     */
    public static List<ConfigSource> forApplication(Function<String, String> initParameter,
                                                    Function<String, String> contextParameter, ClassLoader loader) {
        return ordered(initParameter, contextParameter, JndiConfigSource.ofContainer(),
                MicroProfileConfigSource.of(loader).orElse(null), System::getProperty, System::getenv);
    }

    /** The one place the order is decided; {@code microProfile} is null on a server without it. */
    static List<ConfigSource> ordered(Function<String, String> initParameter, Function<String, String> contextParameter,
                                      ConfigSource jndi, ConfigSource microProfile, Function<String, String> systemProperty,
                                      Function<String, String> environment) {
        List<ConfigSource> sources = new ArrayList<>();
        sources.add(ConfigSource.initParameters(initParameter));
        sources.add(ConfigSource.contextParameters(contextParameter));
        sources.add(jndi);
        if (microProfile != null) {
            sources.add(microProfile);
        }
        sources.add(ConfigSource.named(systemProperty, k -> "system property " + k));
        sources.add(ConfigSource.environment(environment));
        return List.copyOf(sources);
    }

    /**
     * The first answer for {@code key} (under any of its names), trimmed; empty when no source has it.
     * A source that fails to read it (a JNDI entry that is not text, a MicroProfile expression that
     * cannot be expanded) is an {@link OieConfigException} naming the key and the source.
     */
    public static Optional<Found> find(List<ConfigSource> sources, String key) {
        for (ConfigSource source : sources) {
            for (String name : ConfigNames.of(key)) {
                String value;
                try {
                    value = source.get(name);
                } catch (RuntimeException e) {
                    throw new OieConfigException(key, "oie-filter: setting '" + key + "' could not be read from "
                            + source.describe(name) + ": " + e.getMessage());
                }
                if (value != null && !value.isBlank()) {
                    return Optional.of(new Found(value.trim(), source.describe(name)));
                }
            }
        }
        return Optional.empty();
    }

    /** For a missing required setting: every place it may be set, by its own name (MicroProfile Config when there is one). */
    static String whereToSet(String key, List<ConfigSource> sources) {
        boolean microProfile = sources.stream().anyMatch(MicroProfileConfigSource.class::isInstance);
        return "Set the filter init-param or context-param " + key + ", the JNDI entry " + JndiConfigSource.PREFIX + key
                + (microProfile ? ", the MicroProfile Config property " + key : "") + ", the system property " + key
                + " or the environment variable " + ConfigSource.environmentName(key) + ".";
    }
}
