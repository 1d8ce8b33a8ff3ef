package io.oiefilter.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a run as Markdown ready for BENCHMARKS.md: every figure next to its target from issue 13, then the
 * details. Reads what run.sh and load.sh left in the results folder; a part that did not run is left out.
 * {@code java -cp benchmarks.jar io.oiefilter.bench.load.Report benchmarks/target/results}
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final StringBuilder md = new StringBuilder();

    private Report(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results");
        String text = new Report(dir).build();
        Files.writeString(dir.resolve("summary.md"), text);
        System.out.println(text);
        System.out.println("(written to " + dir.resolve("summary.md") + ")");
    }

    private String build() throws IOException {
        Wrk wrk = Wrk.read(dir.resolve("wrk.tsv"));
        JsonNode sizes = json("sizes.json");
        JsonNode latency = json("signin-latency.json");
        JsonNode throughput = json("signin-throughput.json");
        JsonNode phased = json("signin-phased.json");

        if (Files.exists(dir.resolve("machine.txt"))) {
            md.append("### Machine and run\n\n");
            Files.readAllLines(dir.resolve("machine.txt")).forEach(l -> md.append("- ").append(l).append('\n'));
            if (Files.exists(dir.resolve("jmh-load.txt"))) {
                Files.readAllLines(dir.resolve("jmh-load.txt")).forEach(l -> md.append("- ").append(l).append('\n'));
            }
            md.append('\n');
        }
        md.append("### Targets (issue 13)\n\n| measure | target | measured | met |\n|---|---|---|---|\n");
        if (wrk != null) {
            double[] local = wrk.ratios("local-filter", "local-bare");
            row("signed-in static GET, local sessions: filter / no filter (req/s)", "≥ 0.97", ratio(local), met(median(local) >= 0.97));
            double[] repl = wrk.ratios("repl-filter", "repl-sessionjsp");
            double[] added = Arrays.stream(repl).map(r -> (1 / r - 1) * 100).toArray();
            row("replicated sessions: time the filter's signed-in GET adds over a filter-less JSP reading its own session",
                    "≤ 5 %", String.format(Locale.ROOT, "%+.1f %% (rounds %+.1f … %+.1f %%)", median(added), min(added), max(added)),
                    met(median(added) <= 5));
        }
        if (sizes != null) {
            int state = sizes.path("signInState").asInt();
            int auth = sizes.path("authentication").asInt();
            row("in-flight sign-in state (SignInState, password page), serialized", "≤ 2 KB", state + " B", met(state <= 2048));
            int bare = sizes.path("authenticationWithoutTokens").asInt();
            row("signed-in session state without tokens (OieAuthentication), serialized", "≤ 2 KB without tokens", bare + " B",
                    met(bare > 0 && bare <= 2048));
            row("signed-in session state as the sample keeps it (the ID token, for Okta's end-session), serialized", "",
                    auth + " B (token text " + sizes.path("tokenChars").asInt() + " chars)", "");
        }
        if (latency != null) {
            double ms = latency.path("totalAddedMedianMs").asDouble();
            row("a full sign-in's added latency (wall minus the simulator's time), median of " + latency.path("signIns").asInt(),
                    "≤ 50 ms", String.format(Locale.ROOT, "%.1f ms (p90 %.1f ms; wall %.1f ms)", ms, latency.path("totalAddedP90Ms").asDouble(),
                            latency.path("totalWallMedianMs").asDouble()), met(ms <= 50));
        }
        if (throughput != null) {
            double ms = throughput.path("requestThreadCpuMsPerSignIn").asDouble();
            row("Payara request-thread CPU per sign-in (request threads and the filter's Okta-call threads; after "
                            + throughput.path("warmup").asInt() + " warm-up sign-ins)",
                    "≤ 10 ms", String.format(Locale.ROOT, "%.1f ms (whole process %.1f ms)", ms, throughput.path("processCpuMsPerSignIn").asDouble()),
                    met(ms <= 10));
        }
        md.append('\n');
        oktaCalls(latency);
        if (wrk != null) {
            wrk.append(md);
        }
        signIns(latency, throughput, phased);
        jmh();
        if (Files.exists(dir.resolve("jfr-steps.md"))) {
            md.append("### Where the request threads' CPU goes per sign-in step (JFR)\n\n").append(Files.readString(dir.resolve("jfr-steps.md"))).append('\n');
        }
        if (Files.exists(dir.resolve("jfr-get.md"))) {
            md.append("### Where the request threads' CPU goes in a signed-in GET (JFR)\n\n").append(Files.readString(dir.resolve("jfr-get.md"))).append('\n');
        }
        return md.toString();
    }

    private void oktaCalls(JsonNode latency) {
        md.append("### Okta calls per flow\n\n| flow | target | calls | met |\n|---|---|---|---|\n");
        String measured = "(call-count ITs)";
        if (latency != null) {
            Map<String, Double> calls = new LinkedHashMap<>();
            for (JsonNode step : latency.path("steps")) {
                step.path("oktaCallsPerSignIn").fields().forEachRemaining(e -> calls.merge(e.getKey(), e.getValue().path("calls").asDouble(), Double::sum));
            }
            double total = calls.values().stream().mapToDouble(Double::doubleValue).sum();
            List<String> each = new ArrayList<>();
            calls.forEach((e, n) -> each.add(e + " " + fmt(n)));
            measured = String.format(Locale.ROOT, "%s per sign-in in the load run (%s)", fmt(total), String.join(", ", each));
        }
        md.append("| password sign-in, identifier-first | 5 | ").append(measured).append(" | |\n")
                .append("| password sign-in, one-step | 4 | | |\n| wrong password, then the right one | 6 | | |\n")
                .append("| PROVISIONED activation | 12 | | |\n| sign-out | 2 | | |\n\n");
    }

    private void signIns(JsonNode latency, JsonNode throughput, JsonNode phased) {
        if (throughput != null) {
            md.append("### Sign-ins\n\n").append(String.format(Locale.ROOT, "%d sign-ins, %d at a time: **%.1f sign-ins/s**, %d failed; "
                    + "per sign-in: Payara request threads %.1f ms CPU, whole Payara process %.1f ms CPU, simulator %.1f ms.%n%n",
                    throughput.path("signIns").asInt(), throughput.path("concurrency").asInt(), throughput.path("signInsPerSecond").asDouble(),
                    throughput.path("failed").asInt(), throughput.path("requestThreadCpuMsPerSignIn").asDouble(),
                    throughput.path("processCpuMsPerSignIn").asDouble(), throughput.path("simulatorMsPerSignIn").asDouble()));
            throughput.path("failures").forEach(f -> md.append("- failure: ").append(f.asText()).append('\n'));
        }
        if (latency == null) {
            return;
        }
        md.append("Per step (wall, simulator and added: medians of ").append(latency.path("signIns").asInt())
                .append(" sign-ins one at a time; CPU: the phased run, per sign-in):\n\n")
                .append("| step | wall | simulator | added (p90) | Okta calls (simulator ms) | request-thread CPU | process CPU |\n")
                .append("|---|---:|---:|---:|---|---:|---:|\n");
        for (JsonNode step : latency.path("steps")) {
            String name = step.path("step").asText();
            List<String> calls = new ArrayList<>();
            step.path("oktaCallsPerSignIn").fields().forEachRemaining(e -> calls.add(e.getKey() + " " + fmt(e.getValue().path("calls").asDouble())
                    + " (" + e.getValue().path("simulatorMs").asDouble() + ")"));
            JsonNode cpu = null;
            for (JsonNode p : phased == null ? JSON.createArrayNode() : phased.path("steps")) {
                if (p.path("step").asText().equals(name)) {
                    cpu = p;
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms (%.1f) | %s | %s | %s |%n", name,
                    step.path("wallMedianMs").asDouble(), step.path("simulatorMedianMs").asDouble(), step.path("addedMedianMs").asDouble(),
                    step.path("addedP90Ms").asDouble(), calls.isEmpty() ? "none" : String.join(", ", calls),
                    cpu == null ? "" : String.format(Locale.ROOT, "%.1f ms", cpu.path("requestThreadCpuMsPerSignIn").asDouble()),
                    cpu == null ? "" : String.format(Locale.ROOT, "%.1f ms", cpu.path("processCpuMsPerSignIn").asDouble())));
        }
        md.append(String.format(Locale.ROOT, "| **whole sign-in** | %.1f ms | | %.1f ms (%.1f) | | | |%n%n",
                latency.path("totalWallMedianMs").asDouble(), latency.path("totalAddedMedianMs").asDouble(),
                latency.path("totalAddedP90Ms").asDouble()));
    }

    private void jmh() throws IOException {
        JsonNode runs = json("jmh.json");
        if (runs == null) {
            return;
        }
        md.append("### In process (JMH)\n\n| benchmark | score | ± (99.9 %) | unit |\n|---|---:|---:|---|\n");
        Map<String, Double> ns = new LinkedHashMap<>();
        for (JsonNode run : runs) {
            String name = run.path("benchmark").asText().replace("io.oiefilter.bench.jmh.", "");
            JsonNode m = run.path("primaryMetric");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name, fmt(m.path("score").asDouble()),
                    fmt(m.path("scoreError").asDouble()), m.path("scoreUnit").asText()));
            ns.put(name, m.path("score").asDouble());
        }
        Double bare = ns.get("FilterBenchmark.bareChain");
        if (bare != null && ns.containsKey("FilterBenchmark.signedInThroughFilter")) {
            md.append(String.format(Locale.ROOT, "%nThe filter adds %.0f ns to a signed-in request and %.0f ns to a public one "
                            + "(over the bare chain's %.0f ns, same fakes).%n",
                    ns.get("FilterBenchmark.signedInThroughFilter") - bare, ns.getOrDefault("FilterBenchmark.publicPathThroughFilter", bare) - bare, bare));
        }
        md.append('\n');
    }

    private void row(String what, String target, String measured, String met) {
        md.append("| ").append(what).append(" | ").append(target).append(" | ").append(measured).append(" | ").append(met).append(" |\n");
    }

    private static String met(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    private static String ratio(double[] r) {
        return String.format(Locale.ROOT, "%.3f (rounds %.3f … %.3f)", median(r), min(r), max(r));
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.valueOf((long) v);
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private JsonNode json(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? JSON.readTree(Files.readString(p)) : null;
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
