package io.oiefilter.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One layer of configuration: answers a name with a value, or null when it has none.
 * Layers are asked in order; the first that answers wins (see {@link ConfigSources}).
 */
@FunctionalInterface
public interface ConfigSource {

    String get(String name);

    /** Where {@code name} is read from, for messages ("filter init-param x", "system property x", ...). */
    default String describe(String name) {
        return name;
    }

    static ConfigSource named(Function<String, String> lookup, Function<String, String> describer) {
        return new ConfigSource() {
            @Override
            public String get(String name) {
                return lookup.apply(name);
            }

            @Override
            public String describe(String name) {
                return describer.apply(name);
            }
        };
    }

    static ConfigSource systemProperties() {
        return named(System::getProperty, k -> "system property " + k);
    }

    /** Our form ({@code OKTA_OAUTH2_CLIENT_ID}) first, then Spring Boot's and MicroProfile's ({@code OKTA_OAUTH2_CLIENTID}). */
    static ConfigSource environment() {
        return environment(System::getenv);
    }

    static ConfigSource environment(Function<String, String> variables) {
        Function<String, String> variable = k -> variables.apply(environmentName(k)) == null
                && variables.apply(plainEnvironmentName(k)) != null ? plainEnvironmentName(k) : environmentName(k);
        return named(k -> variables.apply(variable.apply(k)), k -> "environment variable " + variable.apply(k));
    }

    static ConfigSource initParameters(Function<String, String> initParameter) {
        return named(initParameter, k -> "filter init-param " + k);
    }

    static ConfigSource contextParameters(Function<String, String> contextParameter) {
        return named(contextParameter, k -> "context-param " + k);
    }

    /** okta.oauth2.clientId becomes OKTA_OAUTH2_CLIENT_ID, as the Okta samples name them. */
    static String environmentName(String key) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c == '.' || c == '-') {
                sb.append('_');
            } else if (Character.isUpperCase(c)) {
                sb.append('_').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** okta.oauth2.clientId becomes OKTA_OAUTH2_CLIENTID, as Spring Boot's relaxed binding and MicroProfile Config read them. */
    static String plainEnvironmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
