package io.oiefilter.idx.okta;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.okta.idx.sdk.api.response.IDXResponse;
import io.oiefilter.idx.IdxStep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recorded real Okta responses read as the port reads them (the SDK's model plus the raw body), for tests of any package. */
public final class RecordedSteps {
    public static final Path FIXTURES = Path.of(System.getProperty("oie.fixtures.dir", "../../shared/idx-fixtures"));
    private static final ObjectMapper SDK_JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String WIDGET = "okta-signin-widget/playground/mocks/data/idp/idx/";

    private RecordedSteps() {
    }

    /** Every recorded JSON answer that holds an IDX state (a remediation), by its path under the fixtures folder. */
    public static java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> recordedStates() throws IOException {
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> states = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                com.fasterxml.jackson.databind.JsonNode root;
                try {
                    root = SDK_JSON.readTree(file.toFile());
                } catch (IOException notJson) {
                    continue;
                }
                if (root != null && root.has("remediation")) {
                    states.put(FIXTURES.relativize(file).toString(), root);
                }
            }
        }
        return states;
    }

    /** A fixture by its path under the fixtures folder. */
    public static IdxStep read(String fixture) throws IOException {
        Path file = FIXTURES.resolve(fixture);
        assertTrue(Files.isRegularFile(file), "fixture missing: " + file.toAbsolutePath()
                + " (the recorded responses belong in ../shared/idx-fixtures beside the clone, or pass -Doie.fixtures.dir=...)");
        byte[] raw = Files.readAllBytes(file);
        return IdxStates.toStep(SDK_JSON.readValue(raw, IDXResponse.class), raw);
    }

    /** A recording by its path under the fixtures folder, or one of the widget's by its bare file name. */
    public static IdxStep named(String fixture) throws IOException {
        return fixture.contains("/") ? read(fixture) : widget(fixture);
    }

    /** The page a person sees for a recorded step ({@link #named}), as the flow draws it. */
    public static io.oiefilter.flow.PageContent page(String fixture) throws IOException {
        java.util.Map<String, String> settings = java.util.Map.of(
                io.oiefilter.config.OieConfig.ISSUER, "https://example.okta.com/oauth2/default",
                io.oiefilter.config.OieConfig.CLIENT_ID, "0oa123",
                io.oiefilter.config.OieConfig.CLIENT_SECRET, "s3cr3t-value",
                io.oiefilter.config.OieConfig.REDIRECT_URI, "https://app.example.com/callback");
        io.oiefilter.config.OieConfig config = io.oiefilter.config.OieConfig.resolve(
                java.util.List.of(io.oiefilter.config.ConfigSource.named(settings::get, k -> k)));
        io.oiefilter.flow.SignInState state = io.oiefilter.flow.SignInState.of(
                new io.oiefilter.idx.IdxTransaction("h", "v", "c", "s", "n", named(fixture)));
        try (io.oiefilter.flow.SignInFlow flow = new io.oiefilter.flow.SignInFlow(null, null, config)) {
            return flow.pageOf(state, flow.viewOf(state));
        }
    }

    /** One of the Sign-In Widget's recordings, by file name. */
    public static IdxStep widget(String name) throws IOException {
        return read(WIDGET + name);
    }
}
