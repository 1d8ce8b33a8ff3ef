package io.oiefilter.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bound on calls to Okta: how many at once, and how long one waits for a slot within its deadline. */
class OktaCallSettingsTest {

    private static OieConfig resolve(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of(OieConfig.ISSUER, "https://example.okta.com/oauth2/default",
                OieConfig.CLIENT_ID, "0oa123", OieConfig.CLIENT_SECRET, "s", OieConfig.REDIRECT_URI, "https://app.example.com/cb"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return OieConfig.resolve(List.of(ConfigSource.named(m::get, k -> "test " + k)));
    }

    @Test
    void defaultsStayUnderOktasConcurrencyLimitAndLetABurstWait() {
        OieConfig c = resolve();
        assertEquals(32, c.oktaMaxConcurrentCalls());
        assertEquals(Duration.ofMillis(3000), c.oktaQueueTimeout());
        assertTrue(c.oktaQueueTimeout().compareTo(c.httpTimeout()) < 0, "the wait leaves time for the call");
        assertEquals(Duration.ofMillis(1500), resolve(OieConfig.HTTP_TIMEOUT, "3").oktaQueueTimeout(),
                "with a short deadline, the default wait is half of it");
        assertEquals(Duration.ofMillis(500), resolve(OieConfig.HTTP_TIMEOUT, "1").oktaQueueTimeout());
    }

    @Test
    void setByTheOperator() {
        OieConfig c = resolve(OieConfig.OKTA_MAX_CONCURRENT_CALLS, "1", OieConfig.OKTA_QUEUE_TIMEOUT, "0");
        assertEquals(1, c.oktaMaxConcurrentCalls());
        assertEquals(Duration.ZERO, c.oktaQueueTimeout(), "0: refuse at once when every slot is taken");
        assertEquals("OIE_OKTA_MAX_CONCURRENT_CALLS", ConfigSource.environmentName(OieConfig.OKTA_MAX_CONCURRENT_CALLS));
        assertEquals("OIE_OKTA_QUEUE_TIMEOUT_MILLIS", ConfigSource.environmentName(OieConfig.OKTA_QUEUE_TIMEOUT));
    }

    @Test
    void badValuesAreNamed() {
        for (String[] bad : new String[][] {{OieConfig.OKTA_MAX_CONCURRENT_CALLS, "0"}, {OieConfig.OKTA_MAX_CONCURRENT_CALLS, "many"},
                {OieConfig.OKTA_QUEUE_TIMEOUT, "-1"}, {OieConfig.OKTA_QUEUE_TIMEOUT, "60001"}}) {
            OieConfigException e = assertThrows(OieConfigException.class, () -> resolve(bad));
            assertEquals(bad[0], e.key(), e.getMessage());
        }
        OieConfigException tooLong = assertThrows(OieConfigException.class,
                () -> resolve(OieConfig.HTTP_TIMEOUT, "2", OieConfig.OKTA_QUEUE_TIMEOUT, "2000"));
        assertEquals(OieConfig.OKTA_QUEUE_TIMEOUT, tooLong.key());
        assertTrue(tooLong.getMessage().contains("shorter than oie.httpTimeoutSeconds (2 s)"), tooLong.getMessage());
    }
}
