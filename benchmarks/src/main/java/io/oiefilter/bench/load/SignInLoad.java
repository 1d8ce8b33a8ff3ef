package io.oiefilter.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load script's Java side: sign-ins against the bench WAR on Payara, timed per step, with the simulator's own
 * time taken out and the server's CPU read from /proc. Every mode is bounded in count and in time.
 * <pre>
 * sessions   APP N signin|visit:PATH           N browsers' Cookie headers, one a line (signed in, or after one GET)
 * latency    APP SIM WARMUP COUNT OUT.json     one sign-in at a time: wall, simulator and added time per step
 * throughput APP SIM PID CONC WARMUP COUNT SECONDS OUT.json   sign-ins per second, CPU per sign-in
 * phased     APP SIM PID CONC COUNT OUT.json   COUNT browsers take step 1, then all step 2, then 3: CPU per step and
 *                                              each step's time window (for the JFR summary)
 * </pre>
 */
public final class SignInLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignInLoad() {
    }

    public static void main(String[] a) throws Exception {
        HttpClient http = Browser.client();
        switch (a.length == 0 ? "" : a[0]) {
            case "sessions" -> sessions(http, URI.create(a[1]), Integer.parseInt(a[2]), a[3]);
            case "latency" -> latency(http, URI.create(a[1]), URI.create(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]), Path.of(a[5]));
            case "throughput" -> throughput(http, URI.create(a[1]), URI.create(a[2]), Long.parseLong(a[3]), Integer.parseInt(a[4]),
                    Integer.parseInt(a[5]), Integer.parseInt(a[6]), Duration.ofSeconds(Long.parseLong(a[7])), Path.of(a[8]));
            case "phased" -> phased(http, URI.create(a[1]), URI.create(a[2]), Long.parseLong(a[3]), Integer.parseInt(a[4]),
                    Integer.parseInt(a[5]), Path.of(a[6]));
            default -> {
                System.err.println("usage: see the javadoc of " + SignInLoad.class.getName());
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static void sessions(HttpClient http, URI app, int n, String how) throws Exception {
        for (int i = 0; i < n; i++) {
            SignIn s = new SignIn(http, app);
            if (how.equals("signin")) {
                s.run();
            } else if (how.startsWith("visit:")) {
                int status = s.browser().get(how.substring("visit:".length())).statusCode();
                if (status != 200) {
                    throw new IllegalStateException(how + " answered " + status);
                }
            } else {
                throw new IllegalArgumentException("signin or visit:PATH, not " + how);
            }
            System.out.println(s.browser().cookieHeader());
        }
    }

    /** One at a time, so each step's simulator time is exactly that step's. */
    private static void latency(HttpClient http, URI app, URI sim, int warmup, int count, Path out) throws Exception {
        fail(Bounded.run(warmup, 1, Duration.ofMinutes(5), i -> new SignIn(http, app).run()), "warm-up");
        SimulatorTime simulator = new SimulatorTime(http, sim);
        int steps = SignIn.STEPS.length;
        long[][] wall = new long[steps][count];
        long[][] inSim = new long[steps][count];
        long[][] added = new long[steps][count];
        long[] total = new long[count];
        long[] totalAdded = new long[count];
        List<Map<String, long[]>> endpoints = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            endpoints.add(new java.util.TreeMap<>());
        }
        long limit = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int n = 0;
        for (; n < count && System.nanoTime() < limit; n++) {
            SignIn signIn = new SignIn(http, app);
            for (int s = 0; s < steps; s++) {
                Map<String, long[]> before = simulator.snapshot();
                wall[s][n] = signIn.step(s);
                Map<String, long[]> d = SimulatorTime.delta(before, simulator.snapshot());
                inSim[s][n] = SimulatorTime.totalNanos(d);
                added[s][n] = wall[s][n] - inSim[s][n];
                total[n] += wall[s][n];
                totalAdded[n] += added[s][n];
                int step = s;
                d.forEach((e, v) -> endpoints.get(step).merge(e, v, (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]}));
            }
        }
        ObjectNode r = JSON.createObjectNode().put("signIns", n).put("warmup", warmup);
        ArrayNode stepsJson = r.putArray("steps");
        for (int s = 0; s < steps; s++) {
            ObjectNode st = stepsJson.addObject().put("step", SignIn.STEPS[s])
                    .put("wallMedianMs", Stats.median(trim(wall[s], n))).put("wallP90Ms", Stats.percentile(trim(wall[s], n), 90))
                    .put("simulatorMedianMs", Stats.median(trim(inSim[s], n)))
                    .put("addedMedianMs", Stats.median(trim(added[s], n))).put("addedP90Ms", Stats.percentile(trim(added[s], n), 90));
            ObjectNode calls = st.putObject("oktaCallsPerSignIn");
            int signIns = n;
            endpoints.get(s).forEach((e, v) -> calls.putObject(e).put("calls", Stats.round((double) v[0] / signIns))
                    .put("simulatorMs", Stats.round(v[1] / 1e6 / signIns)));
        }
        r.put("totalWallMedianMs", Stats.median(trim(total, n))).put("totalWallP90Ms", Stats.percentile(trim(total, n), 90))
                .put("totalAddedMedianMs", Stats.median(trim(totalAdded, n))).put("totalAddedP90Ms", Stats.percentile(trim(totalAdded, n), 90));
        write(out, r);
    }

    private static void throughput(HttpClient http, URI app, URI sim, long pid, int concurrency, int warmup, int count, Duration limit,
                                   Path out) throws Exception {
        fail(Bounded.run(warmup, concurrency, limit, i -> new SignIn(http, app).run()), "warm-up");
        ProcessCpu cpu = new ProcessCpu(pid);
        SimulatorTime simulator = new SimulatorTime(http, sim);
        long processBefore = cpu.process();
        long threadsBefore = cpu.requestThreads();
        Map<String, long[]> simBefore = simulator.snapshot();
        Bounded.Outcome o = Bounded.run(count, concurrency, limit, i -> new SignIn(http, app).run());
        long process = cpu.process() - processBefore;
        long threads = cpu.requestThreads() - threadsBefore;
        long simNanos = SimulatorTime.totalNanos(SimulatorTime.delta(simBefore, simulator.snapshot()));
        int done = Math.max(1, o.done());
        ObjectNode r = JSON.createObjectNode().put("concurrency", concurrency).put("warmup", warmup).put("asked", count)
                .put("signIns", o.done()).put("failed", o.failed()).put("seconds", Stats.round(o.wallNanos() / 1e9))
                .put("signInsPerSecond", Stats.round(o.done() / (o.wallNanos() / 1e9)))
                .put("processCpuMsPerSignIn", Stats.round(process / 1e6 / done))
                .put("requestThreadCpuMsPerSignIn", Stats.round(threads / 1e6 / done))
                .put("simulatorMsPerSignIn", Stats.round(simNanos / 1e6 / done));
        o.failures().forEach(r.putArray("failures")::add);
        write(out, r);
    }

    /** Step by step for all browsers at once, so each step has a time window of its own in a profile. */
    private static void phased(HttpClient http, URI app, URI sim, long pid, int concurrency, int count, Path out) throws Exception {
        ProcessCpu cpu = new ProcessCpu(pid);
        SimulatorTime simulator = new SimulatorTime(http, sim);
        SignIn[] browsers = new SignIn[count];
        for (int i = 0; i < count; i++) {
            browsers[i] = new SignIn(http, app);
        }
        boolean[] dropped = new boolean[count];
        ObjectNode r = JSON.createObjectNode().put("browsers", count).put("concurrency", concurrency);
        ArrayNode steps = r.putArray("steps");
        for (int s = 0; s < SignIn.STEPS.length; s++) {
            int step = s;
            long processBefore = cpu.process();
            long threadsBefore = cpu.requestThreads();
            Map<String, long[]> simBefore = simulator.snapshot();
            Instant from = Instant.now();
            Bounded.Outcome o = Bounded.run(count, concurrency, Duration.ofMinutes(3), i -> {
                if (dropped[i]) {
                    return;
                }
                try {
                    browsers[i].step(step);
                } catch (Exception e) {
                    dropped[i] = true;
                    throw e;
                }
            });
            Instant to = Instant.now();
            int done = Math.max(1, o.done() - countTrue(dropped, o.failed()));
            steps.addObject().put("step", SignIn.STEPS[s]).put("from", from.toString()).put("to", to.toString())
                    .put("completed", o.done()).put("failed", o.failed())
                    .put("processCpuMsPerSignIn", Stats.round((cpu.process() - processBefore) / 1e6 / done))
                    .put("requestThreadCpuMsPerSignIn", Stats.round((cpu.requestThreads() - threadsBefore) / 1e6 / done))
                    .put("simulatorMsPerSignIn", Stats.round(SimulatorTime.totalNanos(SimulatorTime.delta(simBefore, simulator.snapshot())) / 1e6 / done));
        }
        write(out, r);
    }

    /** Browsers dropped at an earlier step are counted as done by the runner without doing anything. */
    private static int countTrue(boolean[] dropped, int droppedNow) {
        int n = 0;
        for (boolean d : dropped) {
            n += d ? 1 : 0;
        }
        return n - droppedNow;
    }

    private static void fail(Bounded.Outcome o, String what) {
        if (o.failed() > 0) {
            throw new IllegalStateException(what + ": " + o.failed() + " sign-ins failed, e.g. " + o.failures());
        }
    }

    private static long[] trim(long[] v, int n) {
        return java.util.Arrays.copyOf(v, n);
    }

    private static void write(Path out, ObjectNode r) throws Exception {
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n");
        System.out.println(r);
    }
}
