package io.oiefilter.it;

import io.oiefilter.simulator.org.SignOnMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.oiefilter.it.SampleDeployment.ALICE;
import static io.oiefilter.it.SampleDeployment.ALICE_PASSWORD;
import static io.oiefilter.it.WebClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Payara Micro nodes in a loopback-only cluster sharing HTTP sessions (the sample is
 * distributable): a sign-in begun on one node goes on and ends on the other, so everything the
 * filter keeps in the session really is Serializable and enough to continue from.
 */
@ExtendWith(SimulatorExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS) // bounded, whatever the nodes do
class ClusterFailoverIT {
    private static final List<Process> NODES = new ArrayList<>();

    @TempDir
    static Path roots;

    private static Process node(String name, String httpPort, String hzPort, String members) throws Exception {
        Path root = Files.createDirectories(roots.resolve(name));
        int simPort = SimulatorExtension.simulator().port();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.socket.bind.any=false",
                "-Dokta.oauth2.issuer=http://127.0.0.1:" + simPort + "/oauth2/default",
                "-Dokta.oauth2.clientId=" + SampleDeployment.CLIENT_ID,
                "-Dokta.oauth2.clientSecret=demo-client-secret-not-for-production",
                "-Dokta.oauth2.redirectUri=" + SampleDeployment.REDIRECT_URI,
                "-Dokta.client.token=00demo-management-api-token-not-for-production", // the sample's strategy needs it
                "-jar", System.getProperty("it.payaraJar"),
                "--deploy", System.getProperty("it.sampleWar"), "--port", httpPort, "--disablephonehome",
                "--prebootcommandfile", System.getProperty("it.preboot"),
                "--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1", "--startport", hzPort,
                "--clustername", "oie-failover-" + System.getProperty("it.nodeA.hz"), "--name", name, "--rootdir", root.toString());
        Path log = Path.of(System.getProperty("it.screenshots")).getParent().resolve("failover-" + name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NODES.add(p);
        LOGS.add(log);
        return p;
    }

    private static final List<Path> LOGS = new ArrayList<>();

    /** Waits until every node's log (kept under target/) says it is ready. */
    private static boolean allReady(long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            boolean all = true;
            for (Path log : LOGS) {
                all &= Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(" ready in ");
            }
            if (all) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String a = System.getProperty("it.nodeA.hz");
        String b = System.getProperty("it.nodeB.hz");
        String members = "127.0.0.1:" + a + ",127.0.0.1:" + b;
        node("nodeA", System.getProperty("it.nodeA.http"), a, members);
        node("nodeB", System.getProperty("it.nodeB.http"), b, members);
        assertTrue(allReady(150), "both nodes start (logs in target/failover-*.log)");
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (Process p : NODES) {
            p.destroy();
        }
        for (Process p : NODES) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aSignInBegunOnOneNodeEndsOnTheOther() throws Exception {
        SimulatorExtension.simulator().org().app(SampleDeployment.CLIENT_ID).orElseThrow().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        URI nodeA = URI.create("http://localhost:" + System.getProperty("it.nodeA.http") + "/sample/");
        URI nodeB = URI.create("http://localhost:" + System.getProperty("it.nodeB.http") + "/sample/");
        WebClient onA = new WebClient(nodeA);
        HttpResponse<String> signIn = onA.follow(onA.get("app/details.jsp?tab=cluster"));
        assertTrue(signIn.body().contains("name=\"identifier\""), signIn.body());

        // Cookies are shared across ports on localhost: the same browser, now talking to node B.
        WebClient onB = onA.at(nodeB);
        HttpResponse<String> password = onB.follow(onB.post("oie/identify", fields(signIn.body(), "identifier", ALICE)));
        assertTrue(password.body().contains("<title>Enter your password</title>"), "node B continues node A's sign-in:\n"
                + password.body());

        HttpResponse<String> landed = onA.post("oie/answer", fields(password.body(), "passcode", ALICE_PASSWORD));
        assertEquals(302, landed.statusCode());
        assertTrue(landed.headers().firstValue("Location").orElseThrow().endsWith("/sample/app/details.jsp?tab=cluster"));

        HttpResponse<String> me = onB.get("api/me", "Accept", "application/json");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"name\":\"alice@example.com\""), "node B knows who signed in on node A: " + me.body());
        HttpResponse<String> onBAgain = onB.get("app/details.jsp?tab=cluster");
        assertEquals(200, onBAgain.statusCode(), "signed in on node B too");
        assertTrue(onBAgain.body().contains("Details for Alice Liddell"), onBAgain.body());
    }
}
