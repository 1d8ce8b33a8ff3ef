package io.oiefilter.bench.jmh;

import io.oiefilter.web.DefaultAuthenticationEntryPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The entry point's choice between an API client (XHR, or JSON asked for rather than HTML: 401 and a JSON body)
 * and a browser (the page remembered in the session, a redirect to sign-in), on a browser's typical Accept header.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EntryPointBenchmark {
    private static final String SIGN_IN = "/oie/sign-in";
    private final DefaultAuthenticationEntryPoint entryPoint = new DefaultAuthenticationEntryPoint();
    private final FakeResponse response = new FakeResponse();
    private FakeRequest xhr;
    private FakeRequest json;
    private FakeRequest browser;

    @Setup
    public void setUp() throws Exception {
        xhr = new FakeRequest("/bench", "/app/data", null).header("X-Requested-With", "XMLHttpRequest");
        json = new FakeRequest("/bench", "/app/data", null).header("Accept", "application/json");
        browser = new FakeRequest("/bench", "/app/static.txt", new FakeSession("bench-session"))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        entryPoint.commence(xhr, response, SIGN_IN);
        require(response.getStatus() == 401, "XHR");
        entryPoint.commence(json, response, SIGN_IN);
        require(response.getStatus() == 401, "JSON");
        entryPoint.commence(browser, response, SIGN_IN);
        require(response.getStatus() == 302 && "/bench/oie/sign-in".equals(response.location()), "browser");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("the entry point did not answer the " + what + " request as expected");
        }
    }

    @Benchmark
    public int xhr() throws Exception {
        entryPoint.commence(xhr, response, SIGN_IN);
        return response.getStatus();
    }

    @Benchmark
    public int jsonAccept() throws Exception {
        entryPoint.commence(json, response, SIGN_IN);
        return response.getStatus();
    }

    @Benchmark
    public int browserRedirect() throws Exception {
        entryPoint.commence(browser, response, SIGN_IN);
        return response.getStatus();
    }
}
