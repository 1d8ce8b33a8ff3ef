package io.oiefilter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names a setting is also known by, so that a team moving from okta-spring-boot keeps its
 * settings: that starter's name where ours differs ({@code okta.oauth2.groupsClaim},
 * {@code okta.oauth2.postLogoutRedirectUri}), and Spring's kebab-case of every {@code okta.*} name
 * ({@code okta.oauth2.client-id}). Our own name is always asked first.
 */
final class ConfigNames {
    /** okta-spring-boot's OktaOAuth2Properties names for settings we call otherwise. */
    private static final Map<String, String> OKTA_SPRING_BOOT = Map.of(
            OieConfig.GROUPS_CLAIM, "okta.oauth2.groupsClaim",
            OieConfig.POST_LOGOUT_REDIRECT_URI, "okta.oauth2.postLogoutRedirectUri");

    private ConfigNames() {
    }

    /** Every name {@code key} is read under, in the order they are asked within one source. */
    static List<String> of(String key) {
        List<String> names = new ArrayList<>();
        names.add(key);
        String alias = OKTA_SPRING_BOOT.get(key);
        if (alias != null) {
            names.add(alias);
        }
        for (String name : List.copyOf(names)) {
            String kebab = kebab(name);
            if (name.startsWith("okta.") && !names.contains(kebab)) {
                names.add(kebab);
            }
        }
        return names;
    }

    /** okta.oauth2.postLogoutRedirectUri becomes okta.oauth2.post-logout-redirect-uri, Spring's canonical form. */
    static String kebab(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
