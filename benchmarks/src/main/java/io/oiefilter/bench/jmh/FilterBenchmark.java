package io.oiefilter.bench.jmh;

import io.oiefilter.session.AuthenticatedRequest;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.web.OieFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A request through the real {@link OieFilter} (started from init-params, as a container starts it) next to the
 * bare {@link FilterChain} call with the same fake request and response: signed in on a protected path (a session
 * holding a real sign-in's {@link OieAuthentication}), a public path, and an anonymous XHR to a protected path
 * (the entry point's 401).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {
    private SignedInFixture fixture;
    private OieFilter filter;
    private FakeRequest signedIn;
    private FakeRequest publicPath;
    private FakeRequest anonymousXhr;
    private final FakeResponse response = new FakeResponse();
    /** The app behind the filter: it only keeps what it was given. */
    private ServletRequest reached;
    private final FilterChain app = (request, response) -> reached = request;

    @Setup
    public void setUp() throws Exception {
        fixture = new SignedInFixture();
        filter = new OieFilter();
        filter.init(new FakeFilterConfig(fixture.settings()));
        FakeSession session = new FakeSession("bench-session");
        session.setAttribute(OieAuthentication.SESSION_ATTRIBUTE, fixture.signedIn());
        signedIn = new FakeRequest("/bench", "/app/static.txt", session).header("Accept", "text/html");
        publicPath = new FakeRequest("/bench", "/pub/static.txt", null).header("Accept", "text/html");
        anonymousXhr = new FakeRequest("/bench", "/app/data", null).header("X-Requested-With", "XMLHttpRequest");
        checkPaths();
    }

    /** Each benchmark measures the path it is named after, or the run stops here. */
    private void checkPaths() throws IOException, ServletException {
        filter.doFilter(signedIn, response, app);
        if (!(reached instanceof AuthenticatedRequest a) || !SignedInFixture.USER.equals(a.getRemoteUser())) {
            throw new IllegalStateException("the signed-in request did not reach the app as the user: " + reached);
        }
        reached = null;
        filter.doFilter(publicPath, response, app);
        if (reached != publicPath) {
            throw new IllegalStateException("the public request did not reach the app as it was: " + reached);
        }
        reached = null;
        filter.doFilter(anonymousXhr, response, app);
        if (reached != null || response.getStatus() != 401) {
            throw new IllegalStateException("the anonymous XHR was not refused with 401: " + response.getStatus());
        }
    }

    @TearDown
    public void tearDown() {
        filter.destroy();
        fixture.close();
    }

    @Benchmark
    public Object bareChain() throws Exception {
        app.doFilter(signedIn, response);
        return reached;
    }

    @Benchmark
    public Object signedInThroughFilter() throws Exception {
        filter.doFilter(signedIn, response, app);
        return reached;
    }

    @Benchmark
    public Object publicPathThroughFilter() throws Exception {
        filter.doFilter(publicPath, response, app);
        return reached;
    }

    @Benchmark
    public int anonymousXhrThroughFilter() throws Exception {
        filter.doFilter(anonymousXhr, response, app);
        return response.getStatus();
    }
}
