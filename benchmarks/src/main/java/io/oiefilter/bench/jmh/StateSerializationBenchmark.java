package io.oiefilter.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.concurrent.TimeUnit;

/**
 * Java serialization of what the filter keeps in the session, as a replicating container writes and reads it:
 * the in-flight {@code SignInState} of the password page and the signed-in {@code OieAuthentication}, both from a
 * real sign-in against the simulator. {@link SessionSizes} prints their sizes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StateSerializationBenchmark {
    private SignedInFixture fixture;
    private byte[] inFlight;
    private byte[] signedIn;

    @Setup
    public void setUp() {
        fixture = new SignedInFixture();
        inFlight = SignedInFixture.serialize(fixture.inFlight());
        signedIn = SignedInFixture.serialize(fixture.signedIn());
        System.out.println("serialized: SignInState " + inFlight.length + " bytes, OieAuthentication " + signedIn.length + " bytes");
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }

    private static Object read(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    @Benchmark
    public byte[] writeSignInState() {
        return SignedInFixture.serialize(fixture.inFlight());
    }

    @Benchmark
    public Object readSignInState() throws Exception {
        return read(inFlight);
    }

    @Benchmark
    public byte[] writeAuthentication() {
        return SignedInFixture.serialize(fixture.signedIn());
    }

    @Benchmark
    public Object readAuthentication() throws Exception {
        return read(signedIn);
    }
}
