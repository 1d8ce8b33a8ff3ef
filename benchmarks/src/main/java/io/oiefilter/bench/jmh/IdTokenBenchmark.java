package io.oiefilter.bench.jmh;

import com.nimbusds.jwt.JWTClaimsSet;
import io.oiefilter.token.IdTokenValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * The ID token check the sign-in's last step makes: the simulator's RS256 token of a real sign-in against its
 * JWKS (fetched once, then cached as in the filter), with iss, aud, azp, exp, iat and the nonce.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IdTokenBenchmark {
    private SignedInFixture fixture;
    private IdTokenValidator validator;

    @Setup
    public void setUp() throws Exception {
        fixture = new SignedInFixture();
        validator = fixture.provider().idTokenValidator();
        validator.validate(fixture.idToken(), fixture.nonce()); // the keys are fetched here, not measured
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public JWTClaimsSet validate() throws Exception {
        return validator.validate(fixture.idToken(), fixture.nonce());
    }
}
