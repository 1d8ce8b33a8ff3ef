package io.oiefilter.idx;

import java.io.Serializable;

/** A message from Okta. {@code i18nKey} is null where the SDK in use does not pass it on. */
public record IdxMessage(String text, String i18nKey, String severity) implements Serializable {
}
