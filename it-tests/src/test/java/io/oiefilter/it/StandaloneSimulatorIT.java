package io.oiefilter.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's standalone mode: {@code java -jar … --port N --seed file}, as the demo starts it. */
class StandaloneSimulatorIT {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // bounded even if the process hangs without a word
    void startsFromASeedFileAndAnswers(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, """
                {"apiTokens": ["standalone-token"],
                 "apps": [{"clientId": "0oa-standalone", "clientSecret": "s3cret", "redirectUris": ["http://localhost/cb"]}],
                 "trustedOrigins": [{"name": "SPA", "origin": "http://localhost:3000", "scopes": ["CORS"]}],
                 "users": [{"login": "carol@example.com", "firstName": "Carol", "lastName": "Seed", "status": "PROVISIONED"}]}
                """);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process sim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("it.simulatorJar"), "--port", String.valueOf(port), "--seed", seed.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String ready = null;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("oie-simulator ready")) {
                    ready = line;
                    break;
                }
            }
            assertEquals("oie-simulator ready: issuer http://127.0.0.1:" + port + "/oauth2/default", ready);
            java.util.List<String> banner = new java.util.ArrayList<>();
            while ((line = out.readLine()) != null && line.startsWith("  ")) { // what to point an app at
                banner.add(line.trim().replaceAll("\\s+", " "));
                if (line.contains("carol@example.com")) {
                    break;
                }
            }
            assertTrue(banner.contains("outbox http://127.0.0.1:" + port + "/admin/outbox.html (the org's emails: codes and "
                    + "activation links)"), banner.toString());
            assertTrue(banner.contains("app 0oa-standalone (confidential) redirect URIs [http://localhost/cb]"), banner.toString());
            assertTrue(banner.contains("trusted origin http://localhost:3000 [CORS]"), banner.toString());
            assertTrue(banner.contains("user carol@example.com (PROVISIONED)"), banner.toString());

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> user = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/users/carol@example.com")).header("Authorization", "SSWS standalone-token").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, user.statusCode(), user.body());
            assertTrue(user.body().contains("\"status\":\"PROVISIONED\""), user.body());
        } finally {
            sim.destroy();
            assertTrue(sim.waitFor(10, TimeUnit.SECONDS), "the simulator stops when asked");
        }
    }
}
