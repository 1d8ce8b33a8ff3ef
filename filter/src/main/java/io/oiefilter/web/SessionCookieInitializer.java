package io.oiefilter.web;

import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.ConfigSources;
import io.oiefilter.config.OieConfig;
import io.oiefilter.log.OieLog;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hardens the session cookie before the application starts (the only time the container lets
 * anyone change it): {@code HttpOnly}, {@code SameSite=Lax} (a cross-site POST arrives without the
 * session, whatever the page's CSRF token), and {@code Secure} when the app is served over https,
 * as its redirect URI says, or when {@code oie.sessionCookie.secure=true}. An app that set these
 * itself keeps its own values. On Servlet 4 (the javax flavour) SameSite cannot be set here:
 * {@link SessionCookies} adds it to the Set-Cookie header instead.
 */
public final class SessionCookieInitializer implements ServletContainerInitializer {
    private static final OieLog LOG = OieLog.of(SessionCookieInitializer.class);

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        try {
            cookie.setHttpOnly(true);
            if (!SessionCookieAttributes.setIfAbsent(cookie, "SameSite", "Lax")) {
                LOG.debug("oie-filter: Servlet {0} has no session cookie attributes; the filter adds SameSite=Lax to"
                        + " the cookies of the sessions it makes", context.getMajorVersion() + "." + context.getMinorVersion());
            }
            if (secure(context)) {
                cookie.setSecure(true);
            }
        } catch (RuntimeException e) { // a container that does not let us: say so, and go on
            LOG.warn("oie-filter: the session cookie could not be hardened: {0}", e.toString());
        }
    }

    private static boolean secure(ServletContext context) {
        List<ConfigSource> sources = ConfigSources.forApplication(key -> filterInitParameter(context, key),
                context::getInitParameter, context.getClassLoader());
        String setting = first(sources, OieConfig.SESSION_COOKIE_SECURE);
        if (setting != null && !setting.equalsIgnoreCase("auto")) {
            return Boolean.parseBoolean(setting);
        }
        String redirect = first(sources, OieConfig.REDIRECT_URI);
        return redirect != null && redirect.toLowerCase(Locale.ROOT).startsWith("https:");
    }

    private static String first(List<ConfigSource> sources, String key) {
        return ConfigSources.find(sources, key).map(ConfigSources.Found::value).orElse(null);
    }

    /** The init-param of the application's OieFilter, as web.xml declares it. */
    private static String filterInitParameter(ServletContext context, String key) {
        for (FilterRegistration r : context.getFilterRegistrations().values()) {
            if (OieFilter.class.getName().equals(r.getClassName())) {
                return r.getInitParameter(key);
            }
        }
        return null;
    }
}
