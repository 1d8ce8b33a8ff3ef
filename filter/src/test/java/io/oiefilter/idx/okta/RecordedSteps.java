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

    /** A fixture by its path under the fixtures folder. */
    public static IdxStep read(String fixture) throws IOException {
        Path file = FIXTURES.resolve(fixture);
        assertTrue(Files.isRegularFile(file), "fixture missing: " + file.toAbsolutePath()
                + " (the recorded responses belong in ../shared/idx-fixtures beside the clone, or pass -Doie.fixtures.dir=...)");
        byte[] raw = Files.readAllBytes(file);
        return IdxStates.toStep(SDK_JSON.readValue(raw, IDXResponse.class), raw);
    }

    /** One of the Sign-In Widget's recordings, by file name. */
    public static IdxStep widget(String name) throws IOException {
        return read(WIDGET + name);
    }
}
