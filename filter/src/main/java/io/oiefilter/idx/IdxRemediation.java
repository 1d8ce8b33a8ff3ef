package io.oiefilter.idx;

import java.io.Serializable;
import java.util.List;

/**
 * A next step Okta offers: its name (identify, challenge-authenticator, ...), where to post it,
 * its fields, and for select-authenticator-* the authenticators to choose from.
 */
public record IdxRemediation(String name, String href, List<IdxField> fields, List<IdxOption> options) implements Serializable {
    public IdxRemediation {
        fields = fields == null ? List.of() : List.copyOf(fields);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean hasField(String fieldName) {
        return fields.stream().anyMatch(f -> f.name().equals(fieldName));
    }
}
