package io.oiefilter.idx;

import java.io.Serializable;

/** A security question: the key Okta knows it by ("favorite_vacation_location", or "custom") and its words. */
public record IdxQuestion(String key, String text) implements Serializable {
}
