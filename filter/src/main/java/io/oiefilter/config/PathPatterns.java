package io.oiefilter.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Servlet-style URL patterns, matched against the path inside the web app:
 * exact ({@code /about}), prefix ({@code /app/*}, {@code /*}) and extension ({@code *.jsp}).
 */
public final class PathPatterns {
    private final List<String> patterns;

    private PathPatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Parses a comma- or space-separated list; throws IllegalArgumentException for a bad pattern. */
    public static PathPatterns parse(String spec) {
        List<String> out = new ArrayList<>();
        if (spec != null) {
            for (String p : spec.split("[,\\s]+")) {
                if (p.isEmpty()) {
                    continue;
                }
                boolean valid = (p.startsWith("/") && (!p.contains("*") || (p.endsWith("/*") && p.indexOf('*') == p.length() - 1)))
                        || (p.startsWith("*.") && p.indexOf('/') < 0 && p.lastIndexOf('*') == 0);
                if (!valid) {
                    throw new IllegalArgumentException("'" + p + "' is not a servlet URL pattern (/exact, /prefix/*, *.ext)");
                }
                out.add(p);
            }
        }
        return new PathPatterns(out);
    }

    public boolean matches(String path) {
        for (String p : patterns) {
            if (p.equals("/*")) {
                return true;
            }
            if (p.endsWith("/*")) {
                String prefix = p.substring(0, p.length() - 2);
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return true;
                }
            } else if (p.startsWith("*.")) {
                if (path.endsWith(p.substring(1))) {
                    return true;
                }
            } else if (path.equals(p)) {
                return true;
            }
        }
        return false;
    }

    public List<String> patterns() {
        return patterns;
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
