package io.oiefilter.brand;

import java.util.Locale;

/**
 * The app's look on the filter's pages without copying the JSPs: its name, a logo, a primary colour.
 * The text on primary-coloured buttons is white or near-black, whichever keeps WCAG contrast at 4.5:1 or more.
 *
 * @param name         the app's name shown above each page's title, or null
 * @param logoUrl      an http(s) URL or a path in the app (already checked), or null
 * @param primaryColor {@code #rrggbb}: buttons and links
 */
public record Branding(String name, String logoUrl, String primaryColor) {
    /** The filter's own blue, with white text at 5.6:1. */
    public static final String DEFAULT_COLOR = "#1662dd";
    static final String DARK_TEXT = "#1d1d21";
    static final String LIGHT_TEXT = "#ffffff";

    /** {@code oie.brand.primaryColor}: strictly {@code #rrggbb}, so nothing else can reach the page's CSS. */
    public static String parseColor(String v) {
        if (!v.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("must be a colour as #rrggbb, such as #1662dd");
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /**
     * The text colour for a button of the primary colour: white or near-black, whichever contrasts more (white
     * on a tie); black for the mid-tones where neither reaches 4.5:1 (black or white always does).
     */
    public String onPrimaryColor() {
        String best = contrast(primaryColor, LIGHT_TEXT) >= contrast(primaryColor, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
        return contrast(primaryColor, best) >= 4.5 ? best : "#000000";
    }

    /**
     * The colour for links on the white page: the primary one when it reads at 4.5:1 on white, else the
     * same hue darkened until it does.
     */
    public String linkColor() {
        String c = primaryColor;
        for (int i = 0; i < 20 && contrast(c, LIGHT_TEXT) < 4.5; i++) {
            c = darker(c);
        }
        return c;
    }

    /** WCAG 2.x contrast ratio of two {@code #rrggbb} colours, 1 to 21. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
    }

    private static double channel(String hex, int at) {
        double c = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String darker(String hex) {
        StringBuilder sb = new StringBuilder("#");
        for (int at = 1; at < 7; at += 2) {
            int v = (int) (Integer.parseInt(hex.substring(at, at + 2), 16) * 0.85);
            sb.append(String.format("%02x", v));
        }
        return sb.toString();
    }
}
