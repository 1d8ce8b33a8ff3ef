package io.oiefilter.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which language a page is shown in: the forced one ({@code oie.locale}) when set, else the best match of the
 * browser's {@code Accept-Language} (q-values honoured) among the supported ones ({@code oie.locales}), else English.
 */
public final class PageLocales {
    /** Languages written right to left: their pages get {@code dir="rtl"}. */
    private static final Set<String> RTL = Set.of("ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ku", "ckb");
    private static final int MAX_HEADER = 1000; // a longer header is only someone's test of us: its start is enough
    private static final int MAX_RANGES = 30;

    private final List<Locale> supported;
    private final Locale forced;

    /**
     * @param supported the languages the pages may be shown in, in order of preference on a tie
     * @param forced    the one every page is shown in, or null to follow the browser
     */
    public PageLocales(List<Locale> supported, Locale forced) {
        this.supported = List.copyOf(supported);
        this.forced = forced;
    }

    /** The page's language for this {@code Accept-Language} header (may be null). */
    public Locale choose(String acceptLanguage) {
        if (forced != null) {
            return forced;
        }
        for (Range r : ranges(acceptLanguage)) {
            Locale match = match(r.tag());
            if (match != null) {
                return match;
            }
        }
        return Locale.ENGLISH;
    }

    /** "ltr", or "rtl" for a language written right to left. */
    public static String direction(Locale locale) {
        return RTL.contains(locale.getLanguage()) ? "rtl" : "ltr";
    }

    /** The exact supported tag ("pt-BR"), else a supported one of the same language ("de" for "de-AT"); "*": the first. */
    private Locale match(String tag) {
        if (tag.equals("*")) {
            return supported.isEmpty() ? null : supported.get(0);
        }
        Locale wanted = Locale.forLanguageTag(tag);
        if (wanted.getLanguage().isEmpty()) {
            return null;
        }
        for (Locale s : supported) {
            if (s.toLanguageTag().equalsIgnoreCase(wanted.toLanguageTag())) {
                return s;
            }
        }
        for (Locale s : supported) {
            if (s.getLanguage().equals(wanted.getLanguage())) {
                return s;
            }
        }
        return null;
    }

    private record Range(String tag, double q, int order) {
    }

    /** RFC 9110 12.5.4: ranges by falling q (ties in the header's order), q=0 meaning "not this one". */
    static List<Range> ranges(String header) {
        List<Range> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        String h = header.length() > MAX_HEADER ? header.substring(0, MAX_HEADER) : header;
        String[] parts = h.split(",");
        for (int i = 0; i < parts.length && i < MAX_RANGES; i++) {
            String[] bits = parts[i].trim().split(";", -1); // ";;;" is four empty parts, never none
            String tag = bits[0].trim();
            if (!tag.matches("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
                continue;
            }
            double q = 1.0;
            for (int b = 1; b < bits.length; b++) {
                String p = bits[b].trim();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    q = quality(p.substring(2));
                }
            }
            if (q > 0) {
                out.add(new Range(tag, q, i));
            }
        }
        out.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
        return out;
    }

    private static double quality(String v) {
        if (!v.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
            return 0; // a malformed weight: ignore the range rather than guess
        }
        return Double.parseDouble(v);
    }

    /** {@code oie.locales}: language tags separated by commas ("en,de,fr"); each must be a well-formed tag. */
    public static List<Locale> parseList(String v) {
        List<Locale> out = new ArrayList<>();
        for (String t : v.split(",")) {
            String tag = t.trim();
            if (tag.isEmpty()) {
                continue;
            }
            out.add(parseOne(tag));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("must name at least one language, such as en");
        }
        return List.copyOf(out);
    }

    /** One language tag such as "de" or "pt-BR". */
    public static Locale parseOne(String tag) {
        if (!tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw new IllegalArgumentException("'" + tag + "' is not a language tag such as de or pt-BR");
        }
        return Locale.forLanguageTag(tag);
    }
}
