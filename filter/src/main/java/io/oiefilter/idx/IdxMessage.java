package io.oiefilter.idx;

import java.io.Serializable;

/**
 * A message from Okta. {@code i18nKey} is null where the SDK in use does not pass it on.
 *
 * @param field the form field it is about (such as "passcode"), or null for the whole step
 */
public record IdxMessage(String text, String i18nKey, String severity, String field) implements Serializable {
    public IdxMessage(String text, String i18nKey, String severity) {
        this(text, i18nKey, severity, null);
    }
}
