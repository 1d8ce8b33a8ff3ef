package io.oiefilter.simulator;

/**
 * Short names for endpoints in logs, counters, faults and rate limits: "identify", "token", "users",
 * and "factors" for the Factors API under /api/v1/users/{userId}/factors.
 */
public final class Endpoints {
    private static final java.util.regex.Pattern FACTORS = java.util.regex.Pattern.compile("users/[^/]+/factors(/.*)?");

    private Endpoints() {
    }

    public static String of(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        for (String prefix : new String[] {"idp/idx/", "oauth2/default/v1/", "oauth2/v1/", "api/v1/"}) {
            if (p.startsWith(prefix)) {
                String rest = p.substring(prefix.length());
                if (prefix.equals("api/v1/") && rest.startsWith("users")) {
                    return FACTORS.matcher(rest).matches() ? "factors" : "users";
                }
                return rest;
            }
        }
        return p;
    }
}
