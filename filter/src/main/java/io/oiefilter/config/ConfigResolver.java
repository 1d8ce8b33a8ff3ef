package io.oiefilter.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Finds each key in the sources and turns parse failures into messages that name it and where it came from. */
final class ConfigResolver {
    private final List<ConfigSource> sources;

    ConfigResolver(List<ConfigSource> sources) {
        this.sources = sources;
    }

    <T> T required(String key, Function<String, T> parser) {
        return resolve(key, null, parser);
    }

    <T> T optional(String key, String fallback, Function<String, T> parser) {
        return resolve(key, fallback, parser);
    }

    private <T> T resolve(String key, String fallback, Function<String, T> parser) {
        Optional<ConfigSources.Found> found = ConfigSources.find(sources, key);
        if (found.isPresent()) {
            return parse(key, found.get().where(), found.get().value(), parser);
        }
        if (fallback == null) { // required
            throw new OieConfigException(key, "oie-filter: missing required setting '" + key + "'. "
                    + ConfigSources.whereToSet(key, sources));
        }
        return parse(key, "default of " + key, fallback, parser);
    }

    private static <T> T parse(String key, String where, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new OieConfigException(key, "oie-filter: invalid setting '" + key + "' (from " + where + "): " + e.getMessage());
        }
    }
}
