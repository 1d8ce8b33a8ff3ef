package io.oiefilter.readiness;

import io.oiefilter.activation.ActivationStrategy;
import io.oiefilter.activation.CodeSender;
import io.oiefilter.activation.ManagementApiActivationStrategy;
import io.oiefilter.activation.OktaEmailActivationStrategy;
import io.oiefilter.config.OieConfig;
import io.oiefilter.log.OieLog;
import io.oiefilter.mgmt.ManagementPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The org readiness check: runs every check, keeps the last report, and logs one line per check that changed and one
 * summary ("oie-filter ready" only when none failed). Started in the background at start-up and retried with a
 * doubling pause while something fails, a bounded number of times; and run on demand, at most once in
 * {@link #ON_DEMAND_REUSE} (the view's callers must not make the filter hammer Okta).
 */
public final class Readiness implements AutoCloseable {
    private static final OieLog LOG = OieLog.of(Readiness.class);
    static final Duration ON_DEMAND_REUSE = Duration.ofSeconds(30);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    static final int RETRIES = 10;

    /** The started one of this application (the filter's jar is the application's own), for MicroProfile Health. */
    private static volatile Readiness running;

    private final List<ReadinessCheck> checks;
    private final Clock clock;
    private final boolean reportsToHealth;
    private final Map<String, CheckResult> lastLogged = new java.util.HashMap<>();
    private final Object checking = new Object(); // not this: close() must not wait for a check's calls to Okta
    private volatile ReadinessReport report = ReadinessReport.NOT_YET;
    private volatile ScheduledExecutorService background;

    Readiness(List<ReadinessCheck> checks, Clock clock) {
        this(checks, clock, false);
    }

    Readiness(List<ReadinessCheck> checks, Clock clock, boolean reportsToHealth) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
        this.reportsToHealth = reportsToHealth;
    }

    /** The checks for this filter's settings and pluggable parts. */
    public static Readiness of(OieConfig config, ActivationStrategy strategy, CodeSender codeSender,
                               Supplier<ManagementPort> management) {
        OktaHttp http = new OktaHttp(config.httpTimeout());
        boolean usesApi = strategy instanceof ManagementApiActivationStrategy;
        boolean provesByEnrollment = usesApi && !(strategy instanceof OktaEmailActivationStrategy);
        String strategyName = strategy == null ? "none" : strategy.getClass().getSimpleName();
        return new Readiness(List.of(new DiscoveryCheck(config, http), new InteractCheck(config, http),
                new ManagementApiCheck(strategyName, usesApi, management),
                new EmailEnrollmentCheck(config, strategyName, provesByEnrollment, codeSender != null, http)), Clock.systemUTC(),
                config.readinessHealth());
    }

    /** The started readiness check of this application, or null (not started, or the filter refused its settings). */
    public static Readiness running() {
        return running;
    }

    /** Whether MicroProfile Health reports this check ({@code oie.readiness.health}). */
    public boolean reportsToHealth() {
        return reportsToHealth;
    }

    /** The last report; {@link ReadinessReport#NOT_YET} before the first check ended. */
    public ReadinessReport current() {
        return report;
    }

    /** Runs every check now, unless the last run is younger than {@link #ON_DEMAND_REUSE}. */
    public ReadinessReport onDemand() {
        ReadinessReport last = report;
        if (last.checkedAt() != null && last.checkedAt().plus(ON_DEMAND_REUSE).isAfter(clock.instant())) {
            return last;
        }
        return check();
    }

    /** Runs every check now and logs what changed. */
    public ReadinessReport check() {
        synchronized (checking) {
            return checkNow();
        }
    }

    private ReadinessReport checkNow() {
        List<CheckResult> results = new ArrayList<>();
        for (ReadinessCheck c : checks) {
            CheckResult r;
            try {
                r = c.run();
            } catch (RuntimeException e) { // a check must not end the others; the class only, a message may quote a value
                r = CheckResult.failed(c.name(), "the check itself failed: " + e.getClass().getName());
            }
            if (Thread.currentThread().isInterrupted()) {
                return report; // the application is stopping: nothing to report, nothing to log
            }
            results.add(r);
            if (!r.equals(lastLogged.put(r.name(), r))) {
                LOG.log(r.failed() ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                        "oie-filter readiness: {0} {1}: {2}", r.name(), r.status(), r.detail());
            }
        }
        ReadinessReport made = new ReadinessReport(clock.instant(), results);
        boolean changed = !made.summary().equals(report.summary()) || report.checkedAt() == null;
        report = made;
        if (changed && made.ready()) {
            LOG.info("oie-filter ready: the org passed every readiness check ({0})", made.summary());
        } else if (changed) {
            LOG.warn("oie-filter NOT ready: {0}", made.summary());
        }
        return made;
    }

    /** Checks in the background now, and again while something fails: 2 s, 4 s, … up to 5 min, {@value #RETRIES} times. */
    public synchronized void start() {
        if (background != null) {
            return;
        }
        background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oie-filter-readiness");
            t.setDaemon(true); // never holds the server up
            return t;
        });
        background.execute(() -> attempt(0));
        running = this;
    }

    private void attempt(int retry) {
        if (check().ready()) {
            return;
        }
        if (retry >= RETRIES) {
            LOG.warn("oie-filter NOT ready after {0} checks; no more retries (the readiness view, when on, checks again on demand)",
                    retry + 1);
            return;
        }
        long pause = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << retry);
        ScheduledExecutorService s = background;
        if (s != null) {
            try {
                s.schedule(() -> attempt(retry + 1), pause, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // closed meanwhile: the application is stopping
            }
        }
    }

    @Override
    public synchronized void close() {
        if (background != null) {
            background.shutdownNow(); // the thread must not outlive the application
            background = null;
        }
        if (running == this) {
            running = null;
        }
    }
}
