package io.oiefilter.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One layer of configuration: answers a key with a value, or null when it has none.
 * Layers are asked in order; the first that answers wins.
 */
@FunctionalInterface
public interface ConfigSource {

    String get(String key);

    /** A human name for messages ("filter init-param", "system property", ...). */
    default String describe(String key) {
        return key;
    }

    static ConfigSource named(Function<String, String> lookup, Function<String, String> describer) {
        return new ConfigSource() {
            @Override
            public String get(String key) {
                return lookup.apply(key);
            }

            @Override
            public String describe(String key) {
                return describer.apply(key);
            }
        };
    }

    static ConfigSource systemProperties() {
        return named(System::getProperty, k -> "system property " + k);
    }

    static ConfigSource environment() {
        return named(k -> System.getenv(environmentName(k)), k -> "environment variable " + environmentName(k));
    }

    static ConfigSource initParameters(Function<String, String> initParameter) {
        return named(initParameter, k -> "filter init-param " + k);
    }

    /** okta.oauth2.clientId becomes OKTA_OAUTH2_CLIENT_ID, as Spring and the Okta starters name them. */
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
}
