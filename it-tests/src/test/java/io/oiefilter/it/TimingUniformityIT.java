package io.oiefilter.it;

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
 * HTTP, printed and written to target/timing-uniformity.txt. It asserts what a person sees (the same
 * status and page for every kind), never a time: timings on a shared machine are figures, not facts.
 */
@ExtendWith(SimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TimingUniformityIT {
    static final int ROUNDS = Integer.getInteger("it.timing.rounds", 30);
    static final int WARM_UP = 5;

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
        HttpResponse<String> wrong = c.post("oie/answer", fields(page.body(), "passcode", "000000"));
        times.put(Step.WRONG_CODE, ms(t));
        t = System.nanoTime();
        HttpResponse<String> resent = c.post("oie/resend", fields(page.body()));
        times.put(Step.RESEND, ms(t));
        seen.put(Step.IDENTIFY, identified.statusCode() + " " + identified.headers().firstValue("Location").orElse("") + "\n"
                + SampleDeployment.normalised(page.body(), login));
        seen.put(Step.WRONG_CODE, wrong.statusCode() + "\n" + SampleDeployment.normalised(wrong.body(), login));
        seen.put(Step.RESEND, resent.statusCode() + "\n" + SampleDeployment.normalised(resent.body(), login));
        return times;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    @Test
    void everyKindOfAccountTakesAsLongOnEveryStep() throws Exception {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        Map<Kind, Map<Step, List<Double>>> figures = new EnumMap<>(Kind.class);
        Map<Step, String> reference = null;
        java.util.Random order = new java.util.Random(20261128);
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            // Interleaved, in a new order each round: what one walk leaves behind (a collection, the CPU a real
            // activation used) falls on the next walk, whatever its kind, not always on the same one.
            List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
            java.util.Collections.shuffle(kinds, order);
            for (Kind kind : kinds) {
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
                }
            }
        }
        String report = report(figures);
        System.out.println(report);
        Path out = Path.of(System.getProperty("it.timing.report", "target/timing-uniformity.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        assertTrue(figures.values().stream().allMatch(m -> m.values().stream().allMatch(l -> l.size() == ROUNDS)));
    }

    /** Median and range per kind and step, and for each step the largest difference of medians between two kinds. */
    static String report(Map<Kind, Map<Step, List<Double>>> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Response times of the uniform activation page, %d requests per kind and step (ms)%n", ROUNDS));
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
            String pair = "";
            boolean overlap = true;
            for (Kind a : Kind.values()) {
                for (Kind b : Kind.values()) {
                    double[] x = e.getValue().get(a);
                    double[] y = e.getValue().get(b);
                    double diff = Math.abs(x[0] - y[0]) / Math.min(x[0], y[0]) * 100;
                    if (diff > worst) {
                        worst = diff;
                        pair = a + "/" + b;
                    }
                    overlap &= x[1] <= y[2] && y[1] <= x[2];
                }
            }
            sb.append(String.format(Locale.ROOT, "%-11s largest difference of medians: %5.1f %% (%s); ranges overlap: %s%n",
                    e.getKey(), worst, pair, overlap ? "yes" : "NO"));
        }
        return sb.toString();
    }
}
