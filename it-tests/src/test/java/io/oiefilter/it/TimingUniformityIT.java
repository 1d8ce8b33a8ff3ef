package io.oiefilter.it;

import io.oiefilter.simulator.faults.Fault;
import io.oiefilter.simulator.org.SignOnMode;
import io.oiefilter.simulator.org.UserStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How long each step of the uniform activation pages takes, per kind of account: the figures of
 * the "no enumeration by response time" promise, measured through Payara and the simulator over
 * HTTP, printed and written to target/timing-uniformity.txt (every walk to timing-uniformity.csv). It asserts what a person sees (the same
 * status and page for every kind), never a time: timings on a shared machine are figures, not facts.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TimingUniformityIT {
    static final int ROUNDS = Integer.getInteger("it.timing.rounds", 30);
    /**
     * The time each Okta call takes, added by the simulator (0: loopback only, a millisecond or two). A
     * real org answers in tens of milliseconds; measured with loopback alone, a millisecond of the
     * machine's noise is a large share of every figure.
     */
    static final int OKTA_LATENCY_MS = Integer.getInteger("it.timing.oktaLatencyMs", 40);
    static final List<String> OKTA_ENDPOINTS = List.of("interact", "introspect", "identify", "challenge/answer",
            "challenge/resend", "credential/enroll", "users", "factors", "token");
    /** Walks not counted: the JIT and the pacer's first real durations settle. */
    static final int WARM_UP = 20;

    enum Kind { UNKNOWN, PROVISIONED, STAGED, SUSPENDED, LOCKED_OUT }

    enum Step { IDENTIFY, WRONG_CODE, RESEND }

    @Deployment(testable = false)
    static WebArchive deployment() {
        // All from 127.0.0.1: limits raised above what the class uses; no resend cooldown, so that every
        // resend does what it does for each kind.
        return SampleDeployment.war("oie.activation.maxStartsPerAddress=100000,oie.activation.maxLookupsPerAddress=100000,"
                + "oie.resendCooldownSeconds=0", null, null);
    }

    @ArquillianResource
    URL deployed;

    private int users;

    private String login(Kind kind) {
        String login = "it.timing." + kind.name().toLowerCase(Locale.ROOT) + "." + (++users) + "@example.com";
        if (kind != Kind.UNKNOWN) {
            SimulatorExtension.simulator().org().createUser(login, login, "Tim", "Ing", List.of(),
                    kind == Kind.SUSPENDED || kind == Kind.LOCKED_OUT ? "Timing-Pass-2026" : null,
                    UserStatus.valueOf(kind.name()), false, Instant.now());
        }
        return login;
    }

    /** One walk through the activation page for one account; the times of its steps in ms, and what was seen. */
    private Map<Step, Double> walk(Kind kind, Map<Step, String> seen) throws Exception {
        WebClient c = new WebClient(SampleDeployment.base(deployed));
        String login = login(kind);
        HttpResponse<String> signIn = c.follow(c.get("oie/sign-in"));
        Map<Step, Double> times = new EnumMap<>(Step.class);
        long t = System.nanoTime();
        HttpResponse<String> identified = c.post("oie/identify", fields(signIn.body(), "identifier", login));
        times.put(Step.IDENTIFY, ms(t));
        HttpResponse<String> page = c.follow(identified);
        t = System.nanoTime();
        HttpResponse<String> wrongPosted = c.post("oie/answer", fields(page.body(), "passcode", "000000"));
        times.put(Step.WRONG_CODE, ms(t));
        HttpResponse<String> wrong = c.follow(wrongPosted); // post/redirect/get: the page is the GET's, and compared too
        t = System.nanoTime();
        HttpResponse<String> resentPosted = c.post("oie/resend", fields(page.body()));
        times.put(Step.RESEND, ms(t));
        HttpResponse<String> resent = c.follow(resentPosted);
        seen.put(Step.IDENTIFY, identified.statusCode() + " " + identified.headers().firstValue("Location").orElse("") + "\n"
                + SampleDeployment.normalised(page.body(), login));
        seen.put(Step.WRONG_CODE, wrongPosted.statusCode() + " " + wrongPosted.headers().firstValue("Location").orElse("") + " "
                + wrong.statusCode() + "\n" + SampleDeployment.normalised(wrong.body(), login));
        seen.put(Step.RESEND, resentPosted.statusCode() + " " + resentPosted.headers().firstValue("Location").orElse("") + " "
                + resent.statusCode() + "\n" + SampleDeployment.normalised(resent.body(), login));
        return times;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    @Test
    void everyKindOfAccountTakesAsLongOnEveryStep() throws Exception {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        if (OKTA_LATENCY_MS > 0) {
            for (String endpoint : OKTA_ENDPOINTS) {
                SimulatorExtension.simulator().faults().inject(endpoint, Fault.delay(Duration.ofMillis(OKTA_LATENCY_MS)));
            }
        }
        try {
            measure();
        } finally {
            SimulatorExtension.simulator().faults().clear();
        }
    }

    private void measure() throws Exception {
        Map<Kind, Map<Step, List<Double>>> figures = new EnumMap<>(Kind.class);
        Map<Step, String> reference = null;
        List<List<Kind>> orders = williamsOrders();
        StringBuilder csv = new StringBuilder("round,position,kind,previous,step,ms\n");
        Kind previous = null;
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            int position = 0;
            // Interleaved, in balanced orders: what one walk leaves behind (a collection, say, after the many
            // calls of a real activation) falls on the next walk; each kind follows each other kind equally often.
            for (Kind kind : orders.get(round % orders.size())) {
                Map<Step, String> seen = new EnumMap<>(Step.class);
                Map<Step, Double> times = walk(kind, seen);
                if (reference == null) {
                    reference = seen;
                }
                for (Step step : Step.values()) {
                    assertEquals(reference.get(step), seen.get(step), kind + ", " + step + ": the same status and page for every kind");
                }
                if (round >= WARM_UP) {
                    times.forEach((step, v) -> figures.computeIfAbsent(kind, k -> new EnumMap<>(Step.class))
                            .computeIfAbsent(step, s -> new ArrayList<>()).add(v));
                    for (Map.Entry<Step, Double> e : times.entrySet()) {
                        csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%.2f%n", round, position, kind, previous, e.getKey(),
                                e.getValue()));
                    }
                }
                previous = kind;
                position++;
            }
        }
        String report = report(figures);
        System.out.println(report);
        Path out = Path.of(System.getProperty("it.timing.report", "target/timing-uniformity.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        Files.writeString(out.resolveSibling("timing-uniformity.csv"), csv); // every walk, for whoever wants to look closer
        assertTrue(figures.values().stream().allMatch(m -> m.values().stream().allMatch(l -> l.size() == ROUNDS)));
    }

    /**
     * A Williams design: orders of the kinds in which every kind comes right after every other kind
     * equally often (2n orders for an odd number of kinds, n for an even one).
     */
    static List<List<Kind>> williamsOrders() {
        Kind[] kinds = Kind.values();
        int n = kinds.length;
        int[] base = new int[n];
        for (int i = 0, lo = 0, hi = n - 1; i < n; i++) {
            base[i] = i % 2 == 0 ? lo++ : hi--; // 0, n-1, 1, n-2, ...
        }
        List<List<Kind>> orders = new ArrayList<>();
        for (int shift = 0; shift < n; shift++) {
            List<Kind> row = new ArrayList<>();
            for (int b : base) {
                row.add(kinds[(b + shift) % n]);
            }
            orders.add(row);
            if (n % 2 == 1) {
                List<Kind> reversed = new ArrayList<>(row);
                java.util.Collections.reverse(reversed);
                orders.add(reversed);
            }
        }
        return orders;
    }

    /** Median and range per kind and step, and for each step the largest difference of medians between two kinds. */
    static String report(Map<Kind, Map<Step, List<Double>>> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Response times of the uniform activation page, %d requests per kind and step (ms), "
                + "Okta calls taking %d ms more than loopback%n", ROUNDS, OKTA_LATENCY_MS));
        sb.append(String.format(Locale.ROOT, "%-12s %-11s %8s %8s %8s%n", "kind", "step", "median", "min", "max"));
        Map<Step, Map<Kind, double[]>> byStep = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            for (Step step : Step.values()) {
                List<Double> v = new ArrayList<>(figures.get(kind).get(step));
                v.sort(Double::compare);
                double median = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
                double[] stats = {median, v.get(0), v.get(v.size() - 1)};
                byStep.computeIfAbsent(step, s -> new EnumMap<>(Kind.class)).put(kind, stats);
                sb.append(String.format(Locale.ROOT, "%-12s %-11s %8.1f %8.1f %8.1f%n", kind, step, median, stats[1], stats[2]));
            }
        }
        for (Map.Entry<Step, Map<Kind, double[]>> e : byStep.entrySet()) {
            double worst = 0;
            double worstMs = 0;
            String pair = "";
            boolean overlap = true;
            for (Kind a : Kind.values()) {
                for (Kind b : Kind.values()) {
                    double[] x = e.getValue().get(a);
                    double[] y = e.getValue().get(b);
                    double diff = Math.abs(x[0] - y[0]) / Math.min(x[0], y[0]) * 100;
                    if (diff > worst) {
                        worst = diff;
                        worstMs = Math.abs(x[0] - y[0]);
                        pair = a + "/" + b;
                    }
                    overlap &= x[1] <= y[2] && y[1] <= x[2];
                }
            }
            sb.append(String.format(Locale.ROOT, "%-11s largest difference of medians: %5.1f %% (%s, %.1f ms); ranges overlap: %s%n",
                    e.getKey(), worst, pair, worstMs, overlap ? "yes" : "NO"));
        }
        return sb.toString();
    }
}
