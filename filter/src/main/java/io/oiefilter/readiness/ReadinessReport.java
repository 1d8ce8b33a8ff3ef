package io.oiefilter.readiness;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One run of the checks, and its two forms: JSON for health checks and an HTML page for a person. Ready means that
 * it ran and no check failed (a skipped check does not apply to these settings).
 */
public record ReadinessReport(Instant checkedAt, List<CheckResult> checks) {
    /** Before the first run has ended. */
    public static final ReadinessReport NOT_YET = new ReadinessReport(null, List.of());

    public ReadinessReport {
        checks = List.copyOf(checks);
    }

    public boolean ready() {
        return checkedAt != null && checks.stream().noneMatch(CheckResult::failed);
    }

    /** For the log: which checks failed, else which passed and which were skipped. */
    String summary() {
        List<String> failed = names(CheckResult.Status.FAILED);
        if (!failed.isEmpty()) {
            return failed.size() + " of " + checks.size() + " checks failed: " + String.join(", ", failed);
        }
        return "passed: " + String.join(", ", names(CheckResult.Status.OK)) + "; skipped: "
                + (names(CheckResult.Status.SKIPPED).isEmpty() ? "none" : String.join(", ", names(CheckResult.Status.SKIPPED)));
    }

    private List<String> names(CheckResult.Status status) {
        return checks.stream().filter(c -> c.status() == status).map(CheckResult::name).toList();
    }

    /** {"ready":true,"checkedAt":"…","checks":[{"name":"…","status":"OK","detail":"…"},…]} */
    public String json() {
        String each = checks.stream().map(c -> "{\"name\":" + quote(c.name()) + ",\"status\":\"" + c.status()
                + "\",\"detail\":" + quote(c.detail()) + "}").collect(Collectors.joining(","));
        return "{\"ready\":" + ready() + ",\"checkedAt\":" + (checkedAt == null ? "null" : quote(checkedAt.toString()))
                + ",\"checks\":[" + each + "]}";
    }

    /** A plain page: one row per check, no script, every value escaped. */
    public String html() {
        StringBuilder rows = new StringBuilder();
        for (CheckResult c : checks) {
            rows.append("<tr><th scope=\"row\">").append(escape(c.name())).append("</th><td class=\"")
                    .append(c.status().name().toLowerCase(java.util.Locale.ROOT)).append("\">").append(c.status())
                    .append("</td><td>").append(escape(c.detail())).append("</td></tr>\n");
        }
        String state = checkedAt == null ? "Not checked yet" : ready() ? "Ready" : "Not ready";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>oie-filter readiness: "
                + state + "</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:.4em;text-align:left;"
                + "vertical-align:top;border-bottom:1px solid #ccc}.ok{color:#05620b}.failed{color:#a00000;font-weight:bold}"
                + ".skipped{color:#555}</style></head><body><h1>" + state + "</h1><p>Checked "
                + (checkedAt == null ? "not yet" : escape(checkedAt.toString())) + "</p><table><caption>Checks of the "
                + "configured Okta org</caption><thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Result</th>"
                + "<th scope=\"col\">Detail</th></tr></thead><tbody>\n" + rows + "</tbody></table></body></html>";
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c"); // never markup, whoever shows it
                default -> {
                    if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
