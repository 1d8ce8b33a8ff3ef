package io.oiefilter.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How each kind of setting is read: a parser per kind, each refusing a bad value with a message that says why. */
final class ConfigValues {
    private ConfigValues() {
    }

    static boolean bool(String v) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("must be true or false");
        }
        return Boolean.parseBoolean(v);
    }

    static int range(String v, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return n;
    }

    static URI issuer(String v) {
        URI uri = absoluteHttpUri(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment");
        }
        if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("must use https (http is accepted only for a loopback host such as 127.0.0.1)");
        }
        return uri;
    }

    static URI absoluteHttpUri(String v) {
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL: " + e.getReason());
        }
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name other than localhost: never resolve it here
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    static List<String> scopes(String v) {
        List<String> s = Arrays.stream(v.split("[,\\s]+")).filter(x -> !x.isEmpty()).distinct().toList();
        if (!s.contains("openid")) {
            throw new IllegalArgumentException("must include openid");
        }
        return s;
    }

    static String appPath(String v) {
        if (!v.startsWith("/") || v.startsWith("//") || v.contains("\\") || v.contains("..")) {
            throw new IllegalArgumentException("must be a path inside the application, starting with a single /");
        }
        return v.length() > 1 && v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    static String viewPrefix(String v) {
        String p = appPath(v);
        return p.endsWith("/") ? p : p + "/";
    }

    static String claimName(String v) {
        if (!v.matches("[A-Za-z0-9_:.\\-]+")) {
            throw new IllegalArgumentException("is not a claim name");
        }
        return v;
    }

    /** Lower-case domains, comma or space separated, each without "@"; empty: none. */
    static List<String> emailDomains(String v) {
        List<String> d = Arrays.stream(v.split("[,\\s]+")).filter(x -> !x.isEmpty())
                .map(x -> x.toLowerCase(Locale.ROOT).replaceFirst("^@", "")).distinct().toList();
        for (String x : d) {
            if (!x.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw new IllegalArgumentException("'" + x + "' is not a domain name");
            }
        }
        return d;
    }

    /** A link's target: an absolute http(s) URL, or a path inside the application. */
    static String linkTarget(String v) {
        return v.startsWith("/") ? appPath(v) : absoluteHttpUri(v).toString();
    }

    /** {@code oie.brand.name}: plain text on one line, at most 80 characters (escaped on the page); empty: none. */
    static String brandName(String v) {
        String t = v.strip();
        if (t.length() > 80 || t.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must be one line of at most 80 characters");
        }
        return t.isEmpty() ? null : t;
    }

    /** {@code auto}, or one or more built-in or class names, comma-separated. */
    static List<String> extensionNames(String v) {
        List<String> names = Arrays.stream(v.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
        for (String n : names) {
            if (!n.matches("[A-Za-z_$][\\w$.-]*") || (n.equals("auto") && names.size() > 1)) {
                throw new IllegalArgumentException("must be auto, or built-in or class names separated by commas");
            }
        }
        return names.isEmpty() ? List.of("auto") : names;
    }

    /** {@code oie.metrics}: auto, micrometer or none. */
    static String metricsChoice(String v) {
        String s = v.trim();
        if (!java.util.Set.of("auto", "micrometer", "none").contains(s)) {
            throw new IllegalArgumentException("must be auto, micrometer or none");
        }
        return s;
    }
}
