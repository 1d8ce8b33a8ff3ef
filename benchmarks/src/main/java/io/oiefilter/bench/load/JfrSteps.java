package io.oiefilter.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the request threads' CPU goes: the JFR execution samples of Payara's request threads (and the filter's own
 * Okta-call threads), put into time windows (the steps of a phased sign-in run, or a wrk run each), summed by the
 * library their stack passes through (a sample counts once for every library on its stack) and by the method on top.
 * {@code java -cp benchmarks.jar io.oiefilter.bench.load.JfrSteps RECORDING.jfr WINDOWS.json OUT.md [WHAT]}, WINDOWS.json
 * being {@code {"steps":[{"step":name,"from":instant,"to":instant},...]}} as SignInLoad's phased mode writes it.
 */
public final class JfrSteps {
    private static final String OWN = "oie-filter's own work (not the app it passes the request to)";
    /** Libraries by package prefix, in the order the table shows them. */
    private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("okta-idx-java / Okta SDK", List.of("com.okta."));
        AREAS.put("OkHttp / Okio (HTTP to Okta)", List.of("okhttp3.", "okio."));
        AREAS.put("Jackson (JSON)", List.of("com.fasterxml.jackson."));
        AREAS.put("Nimbus JOSE+JWT", List.of("com.nimbusds."));
        AREAS.put("JCA crypto, big integers", List.of("sun.security.rsa.", "sun.security.provider.", "sun.security.ec.", "sun.security.util.",
                "java.security.Signature", "java.security.MessageDigest", "java.security.KeyFactory", "java.security.SecureRandom",
                "javax.crypto.", "com.sun.crypto.", "java.math."));
        AREAS.put("JSP / JSTL rendering", List.of("org.apache.jasper.", "org.glassfish.wasp.", "jakarta.servlet.jsp.", "org.apache.taglibs."));
        AREAS.put("Java serialization", List.of("java.io.ObjectOutputStream", "java.io.ObjectInputStream", "java.io.ObjectStreamClass"));
        AREAS.put("Hazelcast (session store)", List.of("com.hazelcast."));
        AREAS.put("Logging", List.of("java.util.logging.", "org.slf4j.", "com.okta.commons.http.RequestLogger"));
        AREAS.put("Reflection / class loading", List.of("java.lang.reflect.", "jdk.internal.reflect.", "java.lang.ClassLoader",
                "org.glassfish.web.loader.", "com.sun.enterprise.loader."));
        AREAS.put("Regular expressions", List.of("java.util.regex."));
    }

    private JfrSteps() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode phased = new ObjectMapper().readTree(Files.readString(Path.of(args[1])));
        List<String> names = new ArrayList<>();
        List<Instant[]> windows = new ArrayList<>();
        for (JsonNode s : phased.path("steps")) {
            names.add(s.path("step").asText());
            windows.add(new Instant[] {Instant.parse(s.path("from").asText()), Instant.parse(s.path("to").asText())});
        }
        int[] samples = new int[names.size()];
        List<Map<String, Integer>> areas = new ArrayList<>();
        List<Map<String, Integer>> tops = new ArrayList<>();
        List<Map<String, Integer>> ours = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            areas.add(new HashMap<>());
            tops.add(new HashMap<>());
            ours.add(new HashMap<>());
        }
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedThread thread = e.getThread("sampledThread");
                RecordedStackTrace stack = e.getStackTrace();
                if (thread == null || stack == null || stack.getFrames().isEmpty() || thread.getJavaName() == null
                        || !ProcessCpu.isRequestThread(thread.getJavaName())) {
                    continue;
                }
                int step = stepAt(windows, e.getStartTime());
                if (step < 0) {
                    continue;
                }
                samples[step]++;
                Set<String> seen = new TreeSet<>();
                for (RecordedFrame f : stack.getFrames()) {
                    String type = f.getMethod().getType().getName();
                    AREAS.forEach((area, prefixes) -> {
                        if (prefixes.stream().anyMatch(type::startsWith)) {
                            seen.add(area);
                        }
                    });
                }
                RecordedFrame own = ownWork(stack.getFrames());
                if (own != null) {
                    seen.add(OWN);
                    ours.get(step).merge(name(own), 1, Integer::sum);
                }
                seen.forEach(a -> areas.get(step).merge(a, 1, Integer::sum));
                tops.get(step).merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            }
        }
        String what = args.length > 3 ? args[3] : "window";
        String md = table(what, names, samples, areas) + ranking("Methods on top of the stack", names, samples, tops)
                + ranking("The filter's own work by its method nearest the top (what the work was for)", names, samples, ours);
        Files.writeString(Path.of(args[2]), md);
        System.out.print(md);
    }

    /**
     * The filter's frame nearest the top when the sample is the filter's own work, else null: not when no frame is
     * the filter's, nor when the filter is only below the app (its frame nearest the top calls the FilterChain on).
     * Its own pages (a forward to its JSPs) and the Okta calls it makes are its own work.
     */
    private static RecordedFrame ownWork(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).getMethod().getType().getName().startsWith("io.oiefilter.")) {
                RecordedFrame callee = i == 0 ? null : frames.get(i - 1);
                boolean appBelow = callee != null && callee.getMethod().getName().equals("doFilter")
                        && callee.getMethod().getType().getName().contains("FilterChain");
                return appBelow ? null : frames.get(i);
            }
        }
        return null;
    }

    private static int stepAt(List<Instant[]> windows, Instant t) {
        for (int i = 0; i < windows.size(); i++) {
            if (!t.isBefore(windows.get(i)[0]) && !t.isAfter(windows.get(i)[1])) {
                return i;
            }
        }
        return -1;
    }

    private static String name(RecordedFrame f) {
        return shortName(f.getMethod().getType().getName()) + "." + f.getMethod().getName();
    }

    private static String shortName(String type) {
        String[] parts = type.split("\\.");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            b.append(parts[i].charAt(0)).append('.');
        }
        return b.append(parts[parts.length - 1]).toString();
    }

    private static String table(String what, List<String> names, int[] samples, List<Map<String, Integer>> areas) {
        StringBuilder md = new StringBuilder("Request-thread CPU samples (JFR: profile settings, Java stacks every 2 ms) per " + what + "; a sample counts "
                + "for every library on its stack, so a column can add up to more than 100 %.\n\n| library on the stack |");
        names.forEach(n -> md.append(' ').append(n).append(" |"));
        md.append("\n|---|").append("---:|".repeat(names.size())).append("\n| samples |");
        for (int s : samples) {
            md.append(' ').append(s).append(" |");
        }
        md.append('\n');
        List<String> rows = new ArrayList<>(List.of(OWN));
        rows.addAll(AREAS.keySet());
        for (String area : rows) {
            md.append("| ").append(area).append(" |");
            for (int i = 0; i < names.size(); i++) {
                md.append(' ').append(percent(areas.get(i).getOrDefault(area, 0), samples[i])).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String ranking(String title, List<String> names, int[] samples, List<Map<String, Integer>> counts) {
        StringBuilder md = new StringBuilder("\n").append(title).append(", share of the samples:\n\n");
        for (int i = 0; i < names.size(); i++) {
            int total = samples[i];
            List<String> top = counts.get(i).entrySet().stream().filter(e -> 200 * e.getValue() >= total) // 0.5 % and more
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                    .map(e -> "`" + e.getKey() + "` " + percent(e.getValue(), total)).toList();
            md.append("- ").append(names.get(i)).append(": ").append(top.isEmpty() ? "(no samples)" : String.join(", ", top)).append('\n');
        }
        return md.toString();
    }

    private static String percent(int n, int total) {
        return total == 0 ? "-" : Math.round(100.0 * n / total) + " %";
    }
}
