package io.oiefilter.idx;

import java.io.Serializable;
import java.util.List;

/**
 * A message from Okta. {@code i18nKey} is null where the SDK in use does not pass it on.
 *
 * @param field  the form field it is about (such as "passcode"), or null for the whole step
 * @param params the values Okta puts into the text its i18n key stands for ({@code ["4"]} for "at least {0}
 *               characters"), as text; empty when it sent none
 */
public record IdxMessage(String text, String i18nKey, String severity, String field, List<String> params) implements Serializable {
    public IdxMessage {
        params = params == null ? List.of() : List.copyOf(params);
    }

    public IdxMessage(String text, String i18nKey, String severity, String field) {
        this(text, i18nKey, severity, field, List.of());
    }

    public IdxMessage(String text, String i18nKey, String severity) {
        this(text, i18nKey, severity, null);
    }
}
