package io.oiefilter.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What no answer of the app may contain, whatever was sent to it or whatever Okta did. */
final class ResponseChecks {
    /** Names of classes, stack frames and server internals that must not reach a browser. */
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("Exception"),
            Pattern.compile("[A-Z][A-Za-z0-9_$]*Error\\b"),
            Pattern.compile("\tat "),
            Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\("),
            Pattern.compile("\\bjava\\.[a-z]"),
            Pattern.compile("\\bjakarta\\.[a-z]"),
            Pattern.compile("org\\.glassfish"),
            Pattern.compile("org\\.apache\\."),
            Pattern.compile("com\\.okta\\."),
            Pattern.compile("com\\.nimbusds\\."),
            Pattern.compile("com\\.fasterxml\\."),
            Pattern.compile("(?i)grizzly"),
            Pattern.compile("io\\.oiefilter\\.[a-z]"));

    /** Unescaped markup of the test's XSS payloads: the raw forms that would run in a browser. */
    private static final List<Pattern> MARKUP = List.of(
            Pattern.compile("<oie-xss"),
            Pattern.compile("<script>oiexss"),
            Pattern.compile("<img src=x onerror=oiexss"),
            Pattern.compile("<svg/onload=oiexss"),
            Pattern.compile("' onmouseover='oiexss"),
            Pattern.compile("\" onmouseover=\"oiexss"),
            Pattern.compile("(?i)(href|src|action|formaction)\\s*=\\s*[\"']?\\s*javascript:oiexss"));

    private ResponseChecks() {
    }

    /** Headers by lower-case name. */
    static Map<String, List<String>> headers(HttpResponse<?> r) {
        Map<String, List<String>> out = new TreeMap<>();
        r.headers().map().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    /** The first internal name or stack frame in the body, with some context, if any. */
    static Optional<String> internals(String body) {
        for (Pattern p : INTERNALS) {
            Matcher m = p.matcher(body);
            if (m.find()) {
                return Optional.of("'" + p.pattern() + "' in …" + excerpt(body, m.start()) + "…");
            }
        }
        return Optional.empty();
    }

    /** Raw (unescaped) reflection of a marker, if any. */
    static Optional<String> markup(String body) {
        for (Pattern p : MARKUP) {
            Matcher m = p.matcher(body);
            if (m.find()) {
                return Optional.of("'" + p.pattern() + "' in …" + excerpt(body, m.start()) + "…");
            }
        }
        return Optional.empty();
    }

    /** Response headers or cookies that a CR/LF payload put there. */
    static List<String> injectedHeaders(Map<String, List<String>> headers) {
        List<String> out = new ArrayList<>();
        headers.forEach((name, values) -> {
            if (name.startsWith("x-oie-injected")) {
                out.add(name + ": " + values);
            }
            if (name.equals("set-cookie")) {
                values.stream().filter(v -> v.toLowerCase(Locale.ROOT).contains("oieinjected")).forEach(v -> out.add("set-cookie: " + v));
            }
            if (name.equals("location") && values.size() > 1) {
                out.add("several Location headers: " + values);
            }
        });
        return out;
    }

    /**
     * Why a Location is unsafe, or empty when it is a path with a single leading slash, an absolute
     * URL on the app's origin, or one of the allowed absolute prefixes (Okta's end-session endpoint).
     */
    static Optional<String> unsafeLocation(String location, URI app, List<String> allowedPrefixes) {
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("control character in Location");
            }
        }
        String l = location.trim();
        if (l.startsWith("//") || l.startsWith("/\\") || l.startsWith("\\")) {
            return Optional.of("scheme-relative Location (another host)");
        }
        if (l.startsWith("/")) {
            return Optional.empty();
        }
        for (String allowed : allowedPrefixes) {
            if (l.startsWith(allowed)) {
                return Optional.empty();
            }
        }
        Matcher m = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", Pattern.DOTALL).matcher(l);
        if (!m.matches()) {
            return Optional.of("relative Location that does not start with /");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("Location with scheme " + scheme);
        }
        String rest = m.group(2).replace('\\', '/');
        if (!rest.startsWith("//")) {
            return Optional.of("absolute Location without an authority");
        }
        String authority = rest.substring(2);
        int end = authority.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = authority.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        authority = authority.substring(0, end).toLowerCase(Locale.ROOT);
        String own = (app.getHost() + ":" + app.getPort()).toLowerCase(Locale.ROOT);
        if (!scheme.equals(app.getScheme()) || !authority.equals(own)) {
            return Optional.of("Location on another origin: " + scheme + "://" + authority);
        }
        return Optional.empty();
    }

    static String excerpt(String body, int at) {
        int from = Math.max(0, at - 80);
        int to = Math.min(body.length(), at + 120);
        return RawHttp.printable(body.substring(from, to), 260);
    }

    /** The page's title, or a short start of the body. */
    static String summary(String body) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(body);
        if (m.find()) {
            return m.group(1).trim();
        }
        String b = body.strip();
        return b.isEmpty() ? "(empty body)" : RawHttp.printable(b, 60);
    }
}
