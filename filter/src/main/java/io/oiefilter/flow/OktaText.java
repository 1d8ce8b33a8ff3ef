package io.oiefilter.flow;

import io.oiefilter.idx.IdxMessage;

import java.io.Serializable;
import java.util.Map;

/**
 * One of Okta's messages as a page shows it: in the person's language when Okta gave an i18n key the filter knows
 * ({@link #getMessageKey()}, a key of the filter's bundles), else Okta's own words. Getters, for EL.
 */
public final class OktaText implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Okta's i18n keys the filter's bundles translate, and the bundle key for each. */
    static final Map<String, String> KNOWN = Map.of(
            "oie.selfservice.unlock_user.success.message", "oie.okta.unlockSuccess",
            "errors.E0000004", "oie.error.signInFailed",
            "idx.session.expired", "oie.error.sessionExpired");

    private final String text;
    private final String messageKey;

    private OktaText(String text, String messageKey) {
        this.text = text;
        this.messageKey = messageKey;
    }

    static OktaText of(IdxMessage m) {
        return new OktaText(m.text(), m.i18nKey() == null ? null : KNOWN.get(m.i18nKey()));
    }

    /** Okta's words, as sent. */
    public String getText() {
        return text;
    }

    /** The filter's bundle key for it, or null when the page shows Okta's words. */
    public String getMessageKey() {
        return messageKey;
    }

    @Override
    public String toString() {
        return text;
    }
}
