package io.oiefilter.readiness;

import io.oiefilter.SimulatorFixture;
import io.oiefilter.config.OieConfig;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the checks run: in the background from start-up, again while something fails, and on demand but not too often. */
class ReadinessRunsTest {
    private Simulator sim;

    @BeforeEach
    void start() {
        sim = Simulator.start(Org.defaultSeed(), 0);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    /** The org is fixed while the filter runs: a retry finds it ready, with no restart. */
    @Test
    void aFailingCheckIsRetriedInTheBackgroundUntilTheOrgIsFixed() throws Exception {
        sim.org().accessPolicyGrantTypes(List.of("authorization_code", "refresh_token"));
        OieConfig config = SimulatorFixture.config(sim);
        try (Readiness readiness = Readiness.of(config, null, null, () -> null)) {
            assertNull(readiness.current().checkedAt(), "nothing checked before start");
            assertFalse(readiness.current().ready());
            readiness.start();
            ReadinessReport first = waitFor(readiness, r -> r.checkedAt() != null);
            assertFalse(first.ready(), first::json);
            sim.org().accessPolicyGrantTypes(Org.DEFAULT_ACCESS_POLICY_GRANT_TYPES);
            assertTrue(waitFor(readiness, ReadinessReport::ready).ready());
        }
    }

    @Test
    void onDemandRunsAgainOnlyAfterAPause() {
        MovingClock clock = new MovingClock(Instant.parse("2026-11-29T03:00:00Z"));
        AtomicInteger runs = new AtomicInteger();
        ReadinessCheck counting = new ReadinessCheck() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public CheckResult run() {
                runs.incrementAndGet();
                return CheckResult.ok("counting", "run " + runs.get());
            }
        };
        Readiness readiness = new Readiness(List.of(counting), clock);
        ReadinessReport first = readiness.onDemand();
        assertEquals(1, runs.get());
        clock.advance(Readiness.ON_DEMAND_REUSE.minusSeconds(1));
        assertSame(first, readiness.onDemand(), "a health check polling often does not make the filter call Okta as often");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("run 2", readiness.onDemand().checks().get(0).detail());
    }

    @Test
    void aCheckThatThrowsFailsAloneAndSaysNoMore() {
        ReadinessCheck broken = new ReadinessCheck() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public CheckResult run() {
                throw new IllegalStateException("a value that must not be shown");
            }
        };
        ReadinessReport report = new Readiness(List.of(broken, constant("fine")), java.time.Clock.systemUTC()).check();
        assertFalse(report.ready());
        assertEquals(CheckResult.Status.FAILED, report.checks().get(0).status());
        assertFalse(report.json().contains("must not be shown"));
        assertEquals(CheckResult.Status.OK, report.checks().get(1).status());
    }

    @Test
    void theJsonAndThePageEscapeWhatTheyShow() {
        ReadinessReport report = new ReadinessReport(Instant.parse("2026-11-29T03:00:00Z"),
                List.of(CheckResult.failed("x", "a \"quoted\" <b>value</b>\n")));
        assertEquals("{\"ready\":false,\"checkedAt\":\"2026-11-29T03:00:00Z\",\"checks\":[{\"name\":\"x\",\"status\":\"FAILED\","
                + "\"detail\":\"a \\\"quoted\\\" \\u003cb>value\\u003c/b>\\u000a\"}]}", report.json());
        assertTrue(report.html().contains("a &quot;quoted&quot; &lt;b&gt;value&lt;/b&gt;"), report.html());
        assertFalse(report.html().contains("<b>"));
    }

    /** A clock the test moves. */
    private static final class MovingClock extends java.time.Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static ReadinessCheck constant(String name) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CheckResult run() {
                return CheckResult.ok(name, "ok");
            }
        };
    }

    private static ReadinessReport waitFor(Readiness readiness, java.util.function.Predicate<ReadinessReport> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // generous: the machine is shared
        while (System.nanoTime() < deadline) {
            ReadinessReport r = readiness.current();
            if (done.test(r)) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not reached in time: " + readiness.current().json());
    }
}
