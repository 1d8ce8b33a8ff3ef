package io.oiefilter.flow;

import io.oiefilter.idx.IdxMessage;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One of Okta's messages as a page shows it: in the person's language when Okta gave an i18n key the filter knows
 * ({@link #getMessageKey()}, a key of the filter's bundles, with Okta's params), else Okta's own words (which Okta
 * wrote in the page's language when it has it: the filter asks in that language). Getters, for EL.
 */
public final class OktaText implements Serializable {
    private static final long serialVersionUID = 2L;
    /** The filter's bundle key for one of Okta's keys, and how many of Okta's params its text shows as {0}, {1}... */
    record Known(String bundleKey, int params) {
    }

    /**
     * Okta's i18n keys the filter's bundles translate. Every key is one Okta sends (see the recorded answers in
     * idx-fixtures); a bundle text uses {0} only where Okta sends that param.
     */
    static final Map<String, Known> KNOWN = Map.ofEntries(
            // on pages that end a sign-in
            known("oie.selfservice.unlock_user.success.message", "oie.okta.unlockSuccess", 0),
            known("errors.E0000004", "oie.error.signInFailed", 0),
            known("idx.session.expired", "oie.error.sessionExpired", 0),
            known("idx.error.user.not.assigned.to.app", "oie.okta.notAssigned", 0),
            known("security.access_denied", "oie.okta.accessDenied", 0),
            known("oie.selfservice.reset.password.not.allowed", "oie.okta.resetNotAllowed", 0),
            // next to a field: why a value was refused
            known("password.common", "oie.okta.passwordCommon", 0),
            known("password.passwordRequirementsNotMet", "oie.okta.passwordRequirementsNotMet", 1),
            known("securityQuestion.answer.tooShort.arg", "oie.okta.answerTooShort", 1),
            known("tagsNotAllowed", "oie.okta.tagsNotAllowed", 0),
            known("model.validation.field.blank", "oie.okta.fieldBlank", 0),
            known("registration.error.invalidLoginEmail", "oie.okta.invalidEmail", 0),
            known("registration.error.doesNotMatchPattern", "oie.okta.doesNotMatchPattern", 0),
            known("registration.error.notUniqueWithinOrg", "oie.okta.notUnique", 0),
            known("api.factors.error.sms.invalid_phone", "oie.okta.invalidPhone", 0));

    private static Map.Entry<String, Known> known(String oktaKey, String bundleKey, int params) {
        return Map.entry(oktaKey, new Known(bundleKey, params));
    }

    private final String text;
    private final String messageKey;
    private final List<String> params;

    private OktaText(String text, String messageKey, List<String> params) {
        this.text = text;
        this.messageKey = messageKey;
        this.params = List.copyOf(params);
    }

    /**
     * Okta's message, with the filter's key for it when it knows Okta's key and Okta sent the params its text needs
     * (else Okta's words: a text with a hole in it would say less than Okta's).
     */
    public static OktaText of(IdxMessage m) {
        Known known = m.i18nKey() == null ? null : KNOWN.get(m.i18nKey());
        if (known == null || m.params().size() < known.params()) {
            return new OktaText(m.text(), null, List.of());
        }
        return new OktaText(m.text(), known.bundleKey(), m.params().subList(0, known.params()));
    }

    /**
     * How a page in {@code language} shows this message next to a field: on an English page in Okta's own words, which
     * name the field and the org's rules (a translation says it more generally); on a page in another language in
     * the filter's words for a key it knows, rather than in a language the person did not ask for.
     */
    public OktaText onFieldOfPageIn(Locale language) {
        return messageKey != null && Locale.ENGLISH.getLanguage().equals(language.getLanguage())
                ? new OktaText(text, null, List.of()) : this;
    }

    /** Okta's words, as sent. */
    public String getText() {
        return text;
    }

    /** The filter's bundle key for it, or null when the page shows Okta's words. */
    public String getMessageKey() {
        return messageKey;
    }

    /** Okta's values for the {0}, {1}... of {@link #getMessageKey()}. */
    public List<String> getParams() {
        return params;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OktaText t && Objects.equals(t.text, text) && Objects.equals(t.messageKey, messageKey)
                && t.params.equals(params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, messageKey);
    }

    @Override
    public String toString() {
        return text;
    }
}
