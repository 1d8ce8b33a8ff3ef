package io.oiefilter.it;

import io.oiefilter.it.servers.PayaraMicro;
import io.oiefilter.it.servers.SampleSettings;
import io.oiefilter.it.servers.ServerProcess;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.faults.Fault;
import io.oiefilter.simulator.org.SignOnMode;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many sign-ins at once on one Payara Micro, and what a sign-in sees when every slot for calls to Okta
 * is taken. Two copies of the sample on the server: {@code sample} as built, with every setting of the
 * bound on calls to Okta at its default (and the default call deadline), and {@code sample-busy} with
 * one slot ({@code oie.okta.maxConcurrentCalls=1}) and a short wait for it. Bounded: a fixed number of
 * client threads, each request with its timeout, the whole burst within a few minutes.
 */
@ExtendWith(SimulatorExtension.class)
@Timeout(value = 540, unit = TimeUnit.SECONDS)
class ConcurrentSignInsIT {
    private static final int SIGN_INS = 200;
    private static final String SERVER = "payara-micro-6-concurrency";
    private static final Pattern RETRY_LINK = Pattern.compile("<a id=\"oie-retry\" href=\"([^\"]+)\"");

    private static PayaraMicro server;
    private static URI sample;
    private static URI busy;

    @BeforeAll
    static void start() throws Exception {
        Simulator sim = SimulatorExtension.simulator();
        int port = ServerProcess.freePort();
        sample = URI.create("http://localhost:" + port + "/sample/");
        busy = URI.create("http://localhost:" + port + "/sample-busy/");
        Path dir = Files.createDirectories(ServerProcess.logDirectory().resolve("concurrency"));
        Path busyWar = dir.resolve("sample-busy.war");
        SampleDeployment.war("oie.okta.maxConcurrentCalls=1,oie.okta.queueTimeoutMillis=300,oie.httpTimeoutSeconds=30", null, null)
                .as(ZipExporter.class).exportTo(busyWar.toFile(), true);
        Map<String, String> settings = new java.util.LinkedHashMap<>(SampleSettings.forSample(sim.port(), port, "sample"));
        settings.remove("oie.httpTimeoutSeconds"); // the defaults, all of them
        server = new PayaraMicro(SERVER, Path.of(System.getProperty("it.payaraJar")), port);
        server.start(List.of(Path.of(System.getProperty("it.sampleWar")), busyWar), settings);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void identifierFirst() {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
    }

    @AfterEach
    void noFaultLeft() {
        SimulatorExtension.simulator().faults().clear();
    }

    /** A whole identifier-first sign-in from a protected page; what /api/me then says, or what went wrong. */
    private static String signIn(WebClient c) throws Exception {
        HttpResponse<String> form = c.follow(c.get("app/"));
        if (!form.body().contains("name=\"identifier\"")) {
            return "no sign-in form: " + form.statusCode();
        }
        HttpResponse<String> password = c.follow(c.post("oie/identify", fields(form.body(), "identifier", ALICE)));
        if (!password.body().contains("name=\"passcode\"")) {
            return "no password page: " + password.statusCode() + " " + title(password.body());
        }
        HttpResponse<String> landed = c.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        if (landed.statusCode() != 302 || !landed.headers().firstValue("Location").orElse("").endsWith("/app/")) {
            return "not signed in: " + landed.statusCode() + " " + landed.headers().firstValue("Location").orElse("")
                    + " " + title(c.follow(landed).body());
        }
        HttpResponse<String> me = c.get("api/me", "Accept", "application/json");
        return me.statusCode() + " " + me.body();
    }

    private static boolean isAlice(String me) {
        return me.startsWith("200 ") && me.contains("\"name\":\"alice@example.com\"") && me.contains("\"email\":\"alice@example.com\"");
    }

    private static String title(String html) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        return m.find() ? m.group(1) : html.substring(0, Math.min(200, html.length()));
    }

    private static List<String> serverLogSince(long offset) throws Exception {
        byte[] all = Files.readAllBytes(ServerProcess.logDirectory().resolve(SERVER + ".log"));
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.ISO_8859_1).lines().toList();
    }

    private static long serverLogSize() throws Exception {
        return Files.size(ServerProcess.logDirectory().resolve(SERVER + ".log"));
    }

    /** A warmed-up server, as in production (a cold JIT makes every call slower): 40 sign-ins, 10 at a time. */
    private static void warmUp() throws Exception {
        List<Callable<String>> warmUp = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            warmUp.add(() -> signIn(new WebClient(sample)));
        }
        ExecutorService ten = Executors.newFixedThreadPool(10);
        try {
            for (Future<String> f : ten.invokeAll(warmUp, 180, TimeUnit.SECONDS)) {
                String outcome = f.isCancelled() ? "not done within the bound" : f.get();
                assertTrue(isAlice(outcome), "warm-up sign-in: " + outcome);
            }
        } finally {
            ten.shutdownNow();
        }
    }

    @Test
    void twoHundredSignInsAtOnceAllEndSignedInWithTheDefaults() throws Exception {
        warmUp();
        long logBefore = serverLogSize();
        ExecutorService clients = Executors.newFixedThreadPool(SIGN_INS);
        try {
            CyclicBarrier together = new CyclicBarrier(SIGN_INS);
            long[] took = new long[SIGN_INS];
            List<Callable<String>> all = new ArrayList<>();
            for (int i = 0; i < SIGN_INS; i++) {
                int n = i;
                all.add(() -> {
                    WebClient browser = new WebClient(sample);
                    together.await(60, TimeUnit.SECONDS);
                    long began = System.nanoTime();
                    try {
                        return signIn(browser);
                    } catch (Exception e) {
                        return "failed: " + e;
                    } finally {
                        took[n] = System.nanoTime() - began;
                    }
                });
            }
            long began = System.nanoTime();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<String> f : clients.invokeAll(all, 240, TimeUnit.SECONDS)) {
                String outcome = f.isCancelled() ? "not done within the bound" : f.get();
                outcomes.merge(isAlice(outcome) ? "signed in as alice" : outcome.substring(0, Math.min(300, outcome.length())), 1,
                        Integer::sum);
            }
            long[] sorted = took.clone();
            java.util.Arrays.sort(sorted);
            // Figures for the log only, nothing asserted on time: the burst, and one sign-in in it.
            System.out.printf("ConcurrentSignInsIT: %d sign-ins at once in %d ms; one sign-in: median %d ms, slowest %d ms%n",
                    SIGN_INS, (System.nanoTime() - began) / 1_000_000, sorted[SIGN_INS / 2] / 1_000_000, sorted[SIGN_INS - 1] / 1_000_000);
            assertEquals(Map.of("signed in as alice", SIGN_INS), outcomes);
        } finally {
            clients.shutdownNow();
        }
        List<String> failures = serverLogSince(logBefore).stream()
                .filter(l -> l.contains("oie-filter: sign-in") && l.contains("failed (")).toList();
        assertEquals(List.of(), failures, "no sign-in step failed, none was busy");
    }

    @Test
    void aSignInFindingTheOnlySlotTakenGetsTheBusyPageAndGoesOnWithTryAgain() throws Exception {
        Simulator sim = SimulatorExtension.simulator();
        assertTrue(isAlice(signIn(new WebClient(busy))), "one slot is enough for one sign-in at a time");

        WebClient slow = new WebClient(busy);
        WebClient second = new WebClient(busy);
        WebClient script = new WebClient(busy);
        HttpResponse<String> slowForm = slow.follow(slow.get("app/"));
        HttpResponse<String> secondForm = second.follow(second.get("app/"));
        HttpResponse<String> scriptForm = script.follow(script.get("app/"));
        long logBefore = serverLogSize();

        // Okta takes 8 s to answer the first identify: that sign-in holds the only slot meanwhile.
        sim.faults().inject("identify", Fault.delay(Duration.ofSeconds(8)).times(1));
        CompletableFuture<HttpResponse<String>> slowPassword = CompletableFuture.supplyAsync(() -> {
            try {
                return slow.follow(slow.post("oie/identify", fields(slowForm.body(), "identifier", ALICE)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < 3000 && !sim.faults().armed().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertTrue(sim.faults().armed().isEmpty(), "the slow identify reached Okta");

        HttpResponse<String> posted = second.post("oie/identify", fields(secondForm.body(), "identifier", ALICE));
        assertEquals(302, posted.statusCode(), "a form post is answered with a redirect, as always");
        HttpResponse<String> busyPage = second.follow(posted);
        assertEquals(503, busyPage.statusCode(), busyPage.body());
        assertEquals("5", busyPage.headers().firstValue("Retry-After").orElse(""), "Retry-After");
        assertTrue(busyPage.body().contains("The sign-in service is busy right now. Your sign-in is kept: try again in a few seconds."),
                busyPage.body());
        Matcher retry = RETRY_LINK.matcher(busyPage.body());
        assertTrue(retry.find(), "a Try again link:\n" + busyPage.body());
        assertTrue(busyPage.body().contains("Try again"), busyPage.body());

        HttpResponse<String> json = script.post("oie/identify", fields(scriptForm.body(), "identifier", ALICE),
                "X-Requested-With", "XMLHttpRequest", "Accept", "application/json");
        assertEquals(503, json.statusCode(), "a script is told at once, not redirected: " + json.body());
        assertEquals("5", json.headers().firstValue("Retry-After").orElse(""));
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), json.headers().toString());
        assertEquals("{\"error\":\"busy\",\"retry_after\":5,\"sign_in_uri\":\"/sample-busy/oie/sign-in\"}", json.body());
        assertFalse(slowPassword.isDone(), "both were refused while the slow sign-in held the slot");

        HttpResponse<String> slowDone = slowPassword.get(60, TimeUnit.SECONDS);
        assertTrue(slowDone.body().contains("name=\"passcode\""), "the slow sign-in went on: " + title(slowDone.body()));

        // Try again: the sign-in was kept where it stood, and goes on to the end.
        HttpResponse<String> again = second.follow(second.get(retry.group(1)));
        assertEquals(200, again.statusCode(), again.body());
        HttpResponse<String> password = second.follow(second.post("oie/identify", fields(again.body(), "identifier", ALICE)));
        assertTrue(password.body().contains("name=\"passcode\""), title(password.body()));
        HttpResponse<String> landed = second.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        assertEquals(302, landed.statusCode(), landed.body());
        HttpResponse<String> me = second.get("api/me", "Accept", "application/json");
        assertTrue(isAlice(me.statusCode() + " " + me.body()), me.body());

        List<String> busyLines = serverLogSince(logBefore).stream().filter(l -> l.contains("failed (BUSY)")).toList();
        assertEquals(2, busyLines.size(), "one log line per busy answer:\n" + String.join("\n", serverLogSince(logBefore)));
        for (String line : busyLines) {
            assertTrue(line.contains("oie.okta.maxConcurrentCalls"), "the line names the setting: " + line);
            assertFalse(line.contains(ALICE), "no user value in it: " + line);
        }
    }
}
