package io.oiefilter.idx;

import java.io.Serializable;
import java.util.List;

/** A next step Okta offers: its name (identify, challenge-authenticator, ...), where to post it and its fields. */
public record IdxRemediation(String name, String href, List<IdxField> fields) implements Serializable {
    public IdxRemediation {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public boolean hasField(String fieldName) {
        return fields.stream().anyMatch(f -> f.name().equals(fieldName));
    }
}
