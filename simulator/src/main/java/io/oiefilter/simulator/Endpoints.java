package io.oiefilter.simulator;

/** Short names for endpoints in logs, counters, faults and rate limits: "identify", "token", "users". */
public final class Endpoints {
    private Endpoints() {
    }

    public static String of(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        for (String prefix : new String[] {"idp/idx/", "oauth2/default/v1/", "oauth2/v1/", "api/v1/"}) {
            if (p.startsWith(prefix)) {
                String rest = p.substring(prefix.length());
                return prefix.equals("api/v1/") && rest.startsWith("users") ? "users" : rest;
            }
        }
        return p;
    }
}
