package io.oiefilter.brand;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrandingTest {
    @Test
    void contrastAsWcagComputesIt() {
        assertEquals(21.0, Branding.contrast("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, Branding.contrast("#777777", "#777777"), 0.01);
        assertEquals(4.48, Branding.contrast("#777777", "#ffffff"), 0.01);
    }

    @Test
    void darkColoursGetWhiteTextAndLightOnesDark() {
        assertEquals("#ffffff", new Branding(null, null, "#1662dd").onPrimaryColor());
        assertEquals("#ffffff", new Branding(null, null, "#000080").onPrimaryColor());
        assertEquals(Branding.DARK_TEXT, new Branding(null, null, "#ffd700").onPrimaryColor());
        assertEquals(Branding.DARK_TEXT, new Branding(null, null, "#00ff00").onPrimaryColor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#1662dd", "#ffd700", "#00ff00", "#777777", "#808080", "#ff0000", "#000000", "#ffffff", "#0a7cff"})
    void buttonTextAndLinksReadAtFourAndAHalf(String color) {
        Branding b = new Branding(null, null, color);
        assertTrue(Branding.contrast(color, b.onPrimaryColor()) >= 4.5, "button text on " + color);
        assertTrue(Branding.contrast(b.linkColor(), "#ffffff") >= 4.5, "link " + b.linkColor() + " for " + color);
    }

    @Test
    void onlySixDigitHexColours() {
        assertEquals("#abcdef", Branding.parseColor("#ABCDEF"));
        for (String bad : new String[] {"red", "#abc", "#abcdefg", "abcdef", "#12345g", "#123456;background:url(x)", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Branding.parseColor(bad), bad);
        }
    }
}
