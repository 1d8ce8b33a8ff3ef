package io.oiefilter.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** load.sh's wrk rounds ({@code wrk.tsv}: variant, round, load average, cookies.lua's RESULT fields), compared per round. */
final class Wrk {
    /** What each variant is, for the table. */
    private static final Map<String, String> MEANING = new LinkedHashMap<>();

    static {
        MEANING.put("local-filter", "signed-in GET /app/static.txt through the filter, sessions local");
        MEANING.put("local-bare", "GET /app/static.txt, same WAR without the filter, sessions local");
        MEANING.put("local-baresession", "the same, sending a local session cookie of its own (what a session costs)");
        MEANING.put("repl-filter", "signed-in GET /app/static.txt through the filter, sessions replicated");
        MEANING.put("repl-bare", "GET /app/static.txt without the filter, distributable");
        MEANING.put("repl-sessionjsp", "GET /pub/session.jsp without the filter, reading its own replicated session");
        MEANING.put("public-filter", "anonymous GET /pub/static.txt (public) through the filter");
        MEANING.put("public-bare", "anonymous GET /pub/static.txt without the filter");
    }

    /** variant → round → fields. */
    private final Map<String, Map<Integer, Map<String, Double>>> runs = new LinkedHashMap<>();
    private final List<Double> loads = new java.util.ArrayList<>();

    static Wrk read(Path tsv) throws IOException {
        if (!Files.exists(tsv)) {
            return null;
        }
        Wrk w = new Wrk();
        for (String line : Files.readAllLines(tsv)) {
            String[] col = line.split("\t");
            Map<String, Double> fields = new TreeMap<>();
            for (String kv : col[3].trim().split(" ")) {
                String[] p = kv.split("=");
                fields.put(p[0], Double.parseDouble(p[1]));
            }
            w.runs.computeIfAbsent(col[0], k -> new TreeMap<>()).put(Integer.parseInt(col[1]), fields);
            w.loads.add(Double.parseDouble(col[2]));
        }
        return w;
    }

    /** a's requests per second over b's, round by round. */
    double[] ratios(String a, String b) {
        Map<Integer, Map<String, Double>> ra = runs.getOrDefault(a, Map.of());
        Map<Integer, Map<String, Double>> rb = runs.getOrDefault(b, Map.of());
        return ra.keySet().stream().filter(rb::containsKey).mapToDouble(r -> ra.get(r).get("rps") / rb.get(r).get("rps")).toArray();
    }

    private double[] field(String variant, String name) {
        return runs.getOrDefault(variant, Map.of()).values().stream().mapToDouble(f -> f.getOrDefault(name, Double.NaN)).toArray();
    }

    void append(StringBuilder md) {
        md.append("### Requests per second (wrk, cookies kept like a browser)\n\n")
                .append("| variant | what | req/s median | rounds min … max | p50 latency | not 200 / new sessions / socket errors |\n")
                .append("|---|---|---:|---:|---:|---|\n");
        runs.keySet().forEach(v -> {
            double[] rps = field(v, "rps");
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f … %.0f | %.2f ms | %.0f / %.0f / %.0f |%n", v,
                    MEANING.getOrDefault(v, ""), Report.median(rps), Report.min(rps), Report.max(rps),
                    Report.median(field(v, "p50_us")) / 1000, sum(field(v, "not200")), sum(field(v, "newSessions")),
                    sum(field(v, "errors"))));
        });
        md.append("\n| ratio, per round (A/B of req/s) | median | min … max |\n|---|---:|---:|\n");
        ratioRow(md, "local-filter", "local-bare");
        ratioRow(md, "local-filter", "local-baresession");
        ratioRow(md, "local-baresession", "local-bare");
        ratioRow(md, "repl-filter", "repl-sessionjsp");
        ratioRow(md, "repl-filter", "repl-bare");
        ratioRow(md, "repl-sessionjsp", "repl-bare");
        ratioRow(md, "public-filter", "public-bare");
        md.append(String.format(Locale.ROOT, "%n%d rounds; 1-minute load average during the wrk runs %.2f … %.2f.%n%n",
                runs.values().stream().mapToInt(Map::size).max().orElse(0),
                loads.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                loads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
    }

    private void ratioRow(StringBuilder md, String a, String b) {
        double[] r = ratios(a, b);
        if (r.length > 0) {
            md.append(String.format(Locale.ROOT, "| %s / %s | %.3f | %.3f … %.3f |%n", a, b, Report.median(r), Report.min(r), Report.max(r)));
        }
    }

    private static double sum(double[] v) {
        return Arrays.stream(v).filter(d -> !Double.isNaN(d)).sum();
    }
}
