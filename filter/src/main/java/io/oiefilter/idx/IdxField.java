package io.oiefilter.idx;

import java.io.Serializable;
import java.util.List;

/** One input of a remediation form; {@code form} holds the nested inputs of an object field. */
public record IdxField(String name, String label, boolean required, boolean secret, List<IdxField> form) implements Serializable {
    public IdxField {
        form = form == null ? List.of() : List.copyOf(form);
    }
}
