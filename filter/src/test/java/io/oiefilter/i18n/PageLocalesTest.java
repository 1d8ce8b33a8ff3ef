package io.oiefilter.i18n;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageLocalesTest {
    private final PageLocales shipped = new PageLocales(PageLocales.parseList("en,de,fr,es,ja"), null);

    @Test
    void theBrowsersFirstSupportedLanguage() {
        assertEquals(Locale.GERMAN, shipped.choose("de-DE,de;q=0.9,en;q=0.8"));
        assertEquals(Locale.JAPANESE, shipped.choose("ja"));
        assertEquals(Locale.FRENCH, shipped.choose("fr-CA"));
    }

    @Test
    void qValuesDecideNotTheOrder() {
        assertEquals(Locale.forLanguageTag("es"), shipped.choose("en;q=0.5, es;q=0.9, de;q=0.7"));
        assertEquals(Locale.GERMAN, shipped.choose("fr;q=0, de;q=0.1")); // q=0: not French at all
        assertEquals(Locale.FRENCH, shipped.choose("de;q=0.8, fr")); // no q is 1
    }

    @Test
    void unsupportedOrBrokenGivesEnglish() {
        assertEquals(Locale.ENGLISH, shipped.choose("pt-BR,pt;q=0.9"));
        assertEquals(Locale.ENGLISH, shipped.choose(null));
        assertEquals(Locale.ENGLISH, shipped.choose(""));
        assertEquals(Locale.ENGLISH, shipped.choose("<script>, ;q=abc, de;q=2"));
        assertEquals(Locale.FRENCH, shipped.choose("xx, pt, fr;q=0.3"));
        // BadInputIT's header: a range that is only separators once threw (a 500 on the sign-in form's POST).
        assertEquals(Locale.ENGLISH, shipped.choose("xx-XXXXXXXXXXXXXXXXXXXXXXXXXXXXX;q=abc, ***, ;;;"));
        assertEquals(Locale.GERMAN, shipped.choose(";, ;;, de"));
    }

    @Test
    void aWildcardIsTheFirstSupported() {
        assertEquals(Locale.ENGLISH, shipped.choose("*"));
        assertEquals(Locale.JAPANESE, new PageLocales(List.of(Locale.JAPANESE, Locale.GERMAN), null).choose("pt, *;q=0.1"));
    }

    @Test
    void onlyTheConfiguredLanguages() {
        PageLocales germanOnly = new PageLocales(PageLocales.parseList("en, de"), null);
        assertEquals(Locale.ENGLISH, germanOnly.choose("fr, ja;q=0.9"));
        assertEquals(Locale.GERMAN, germanOnly.choose("fr, de;q=0.1"));
    }

    @Test
    void aForcedLanguageWins() {
        PageLocales forced = new PageLocales(PageLocales.parseList("en,de,fr"), Locale.FRENCH);
        assertEquals(Locale.FRENCH, forced.choose("de, en"));
        assertEquals(Locale.FRENCH, forced.choose(null));
    }

    @Test
    void aHugeHeaderIsCutShort() {
        String header = "xx;q=0.9,".repeat(5000) + "de";
        assertEquals(Locale.ENGLISH, shipped.choose(header));
    }

    @Test
    void rightToLeftLanguages() {
        assertEquals("rtl", PageLocales.direction(Locale.forLanguageTag("ar")));
        assertEquals("rtl", PageLocales.direction(Locale.forLanguageTag("he-IL")));
        assertEquals("ltr", PageLocales.direction(Locale.JAPANESE));
        assertEquals(Locale.forLanguageTag("he"), new PageLocales(PageLocales.parseList("en,he"), null).choose("he-IL"));
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PageLocales.parseList(" , "));
        assertThrows(IllegalArgumentException.class, () -> PageLocales.parseList("en,<b>"));
        assertThrows(IllegalArgumentException.class, () -> PageLocales.parseOne("english!"));
    }
}
