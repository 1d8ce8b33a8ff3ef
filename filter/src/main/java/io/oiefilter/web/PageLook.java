package io.oiefilter.web;

import io.oiefilter.brand.Branding;
import io.oiefilter.i18n.PageLocales;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * What the JSPs read as request attribute {@code oieLook}: the page's language and direction, and the app's
 * branding. Getters only (EL reads bean properties); every value is escaped or strictly checked before it is shown.
 */
public final class PageLook {
    static final String ATTRIBUTE = "oieLook";
    private static final String LANGUAGE = PageLook.class.getName() + ".language";
    private final Locale locale;
    private final Branding branding;
    private final String logoUrl;

    PageLook(Locale locale, Branding branding, String contextPath) {
        this.locale = locale;
        this.branding = branding;
        String logo = branding.logoUrl();
        this.logoUrl = logo != null && logo.startsWith("/") ? contextPath + logo : logo;
    }

    /**
     * The language of the request's pages, chosen once per request from its {@code Accept-Language} (the same for the
     * page, Okta's messages and an emailed code).
     */
    static Locale languageOf(HttpServletRequest req, PageLocales locales) {
        if (req.getAttribute(LANGUAGE) instanceof Locale chosen) {
            return chosen;
        }
        Locale chosen = locales.choose(req.getHeader("Accept-Language"));
        req.setAttribute(LANGUAGE, chosen);
        return chosen;
    }

    /** For {@code fmt:setLocale}: the bundle of this language is used. */
    public Locale getLocale() { return locale; }
    /** For {@code <html lang>}: a BCP 47 tag such as "de" or "pt-BR". */
    public String getLang() { return locale.toLanguageTag(); }
    /** For {@code <html dir>}: "rtl" for languages written right to left, else "ltr". */
    public String getDir() { return PageLocales.direction(locale); }
    /** The app's name, or null. */
    public String getBrandName() { return branding.name(); }
    /** The logo's address (a path in the app gets the context path), or null. */
    public String getLogoUrl() { return logoUrl; }
    /** {@code #rrggbb} of buttons. */
    public String getPrimaryColor() { return branding.primaryColor(); }
    /** {@code #rrggbb} of the text on buttons: white or near-black, whichever contrasts more. */
    public String getOnPrimaryColor() { return branding.onPrimaryColor(); }
    /** {@code #rrggbb} of links on the white page, at least 4.5:1 against it. */
    public String getLinkColor() { return branding.linkColor(); }
}
