package io.oiefilter.i18n;

import java.util.Locale;

/**
 * The language of the person a request is for, in which Okta is asked to word its messages (sent as
 * {@code Accept-Language} on every call made for that request). Only the language the filter's pages are shown in
 * is sent, never the browser's whole header: Okta then words the messages the filter shows as Okta wrote them in
 * the same language as the page around them.
 *
 * <p>Held for the thread handling the request, like the request itself: the web layer opens a scope around a
 * sign-in request, and the call pool carries it to the thread that makes the call.
 */
public final class OktaLanguage {
    private static final ThreadLocal<Locale> CURRENT = new ThreadLocal<>();

    private OktaLanguage() {
    }

    /** Ends a scope: the thread speaks again what it spoke before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Okta's messages on this thread are asked for in {@code language} (null: in Okta's default) until the scope closes. */
    public static Scope speaking(Locale language) {
        Locale before = CURRENT.get();
        set(language);
        return () -> set(before);
    }

    /** The language asked for on this thread, or null. */
    public static Locale current() {
        return CURRENT.get();
    }

    /** The {@code Accept-Language} value for the current language, or null when none is set. */
    public static String header() {
        Locale l = CURRENT.get();
        return l == null || l.getLanguage().isEmpty() ? null : l.toLanguageTag();
    }

    private static void set(Locale language) {
        if (language == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(language);
        }
    }
}
