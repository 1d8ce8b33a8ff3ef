package io.oiefilter;

import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.OieConfig;
import io.oiefilter.simulator.Simulator;

import java.util.List;
import java.util.Map;

/** A config pointing at a running simulator's default seed. */
public final class SimulatorFixture {
    public static final String CLIENT_ID = "0oa-demo-web-app";
    public static final String SECRET = "demo-client-secret-not-for-production";
    public static final String ALICE = "alice@example.com";
    public static final String ALICE_PASSWORD = "Wonderland-2026!";

    private SimulatorFixture() {
    }

    /** The demo app's settings against this simulator, plus any {@code key, value} pairs given. */
    public static OieConfig config(Simulator sim, String... settings) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                OieConfig.ISSUER, sim.issuer(),
                OieConfig.CLIENT_ID, CLIENT_ID,
                OieConfig.CLIENT_SECRET, SECRET,
                OieConfig.REDIRECT_URI, "http://localhost:8080/sample/authorization-code/callback"));
        for (int i = 0; i < settings.length; i += 2) {
            values.put(settings[i], settings[i + 1]);
        }
        return OieConfig.resolve(List.of(ConfigSource.named(values::get, k -> k)));
    }
}
