package io.oiefilter.web;

import io.oiefilter.brand.Branding;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PageLookTest {
    @Test
    void aLogoInTheAppGetsTheContextPath() {
        assertEquals("/shop/static/logo.svg", new PageLook(Locale.GERMAN, new Branding("Shop", "/static/logo.svg", "#1662dd"), "/shop").getLogoUrl());
        assertEquals("https://cdn.example.com/l.png",
                new PageLook(Locale.GERMAN, new Branding("Shop", "https://cdn.example.com/l.png", "#1662dd"), "/shop").getLogoUrl());
        assertNull(new PageLook(Locale.GERMAN, new Branding(null, null, "#1662dd"), "/shop").getLogoUrl());
    }

    @Test
    void languageDirectionAndColours() {
        PageLook look = new PageLook(Locale.forLanguageTag("he-IL"), new Branding(null, null, "#ffd700"), "");
        assertEquals("he-IL", look.getLang());
        assertEquals("rtl", look.getDir());
        assertEquals("#1d1d21", look.getOnPrimaryColor());
        assertEquals("ltr", new PageLook(Locale.JAPANESE, new Branding(null, null, "#1662dd"), "").getDir());
    }
}
