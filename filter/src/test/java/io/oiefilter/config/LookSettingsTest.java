package io.oiefilter.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** oie.locales, oie.locale and oie.brand.*: secure defaults, and a bad value refused naming its key. */
class LookSettingsTest {
    private static Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put(OieConfig.ISSUER, "https://example.okta.com/oauth2/default");
        m.put(OieConfig.CLIENT_ID, "0oa123");
        m.put(OieConfig.CLIENT_SECRET, "s3cr3t-value");
        m.put(OieConfig.REDIRECT_URI, "https://app.example.com/callback");
        return m;
    }

    private static OieConfig resolve(Map<String, String> m) {
        return OieConfig.resolve(List.of(ConfigSource.named(m::get, k -> "test " + k)));
    }

    @Test
    void defaults() {
        OieConfig c = resolve(valid());
        assertEquals(Locale.JAPANESE, c.pageLocales().choose("ja-JP"));
        assertNull(c.branding().name());
        assertNull(c.branding().logoUrl());
        assertEquals("#1662dd", c.branding().primaryColor());
    }

    @Test
    void languagesCanBeNarrowedOrForced() {
        Map<String, String> m = valid();
        m.put(OieConfig.LOCALES, "en,de");
        assertEquals(Locale.ENGLISH, resolve(m).pageLocales().choose("ja"));
        m.put(OieConfig.LOCALE, "de");
        assertEquals(Locale.GERMAN, resolve(m).pageLocales().choose("en"));
    }

    @Test
    void brandSettings() {
        Map<String, String> m = valid();
        m.put(OieConfig.BRAND_NAME, "  Acme Portal ");
        m.put(OieConfig.BRAND_LOGO_URL, "/static/logo.svg");
        m.put(OieConfig.BRAND_PRIMARY_COLOR, "#FFD700");
        OieConfig c = resolve(m);
        assertEquals("Acme Portal", c.branding().name());
        assertEquals("/static/logo.svg", c.branding().logoUrl());
        assertEquals("#ffd700", c.branding().primaryColor());
        m.put(OieConfig.BRAND_LOGO_URL, "https://cdn.example.com/logo.png");
        assertEquals("https://cdn.example.com/logo.png", resolve(m).branding().logoUrl());
    }

    @Test
    void badValuesNameTheirKey() {
        for (String[] bad : new String[][] {
                {OieConfig.BRAND_PRIMARY_COLOR, "red"},
                {OieConfig.BRAND_PRIMARY_COLOR, "#fff;}body{display:none"},
                {OieConfig.BRAND_LOGO_URL, "javascript:alert(1)"},
                {OieConfig.BRAND_LOGO_URL, "data:image/svg+xml,<svg/>"},
                {OieConfig.BRAND_NAME, "x".repeat(81)},
                {OieConfig.BRAND_NAME, "two\nlines"},
                {OieConfig.LOCALES, "en,<b>"},
                {OieConfig.LOCALE, "english!"}}) {
            Map<String, String> m = valid();
            m.put(bad[0], bad[1]);
            OieConfigException e = assertThrows(OieConfigException.class, () -> resolve(m), bad[1]);
            assertEquals(bad[0], e.key());
            assertTrue(e.getMessage().contains("'" + bad[0] + "'"), e.getMessage());
        }
    }
}
