package io.oiefilter.idx;

import java.io.Serializable;
import java.util.List;

/**
 * One input of a remediation form; {@code form} holds the nested inputs of an object field, {@code choices} the
 * values a field offers to choose from (a phone's methodType: "sms", "voice"), else empty.
 */
public record IdxField(String name, String label, boolean required, boolean secret, List<IdxField> form, List<String> choices)
        implements Serializable {
    public IdxField {
        form = form == null ? List.of() : List.copyOf(form);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public IdxField(String name, String label, boolean required, boolean secret, List<IdxField> form) {
        this(name, label, required, secret, form, List.of());
    }

    /** The nested input of that name, if any. */
    public java.util.Optional<IdxField> nested(String fieldName) {
        return form.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
