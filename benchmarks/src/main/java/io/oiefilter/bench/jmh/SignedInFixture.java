package io.oiefilter.bench.jmh;

import com.nimbusds.jwt.SignedJWT;
import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.OieConfig;
import io.oiefilter.flow.FlowResult;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignInState;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.session.OieAuthentication;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.token.OidcProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Real state for the benchmarks: the simulator on a free loopback port and one identifier-first sign-in through
 * the filter's own flow (the real IDX port and SDK over HTTP), keeping the in-flight state of the password page,
 * what the sign-in left for the session, and the ID token with its nonce.
 */
public final class SignedInFixture implements AutoCloseable {
    public static final String CLIENT_ID = "0oa-demo-web-app";
    public static final String CLIENT_SECRET = "demo-client-secret-not-for-production";
    public static final String REDIRECT_URI = "http://localhost:8080/sample/authorization-code/callback";
    public static final String USER = "alice@example.com";
    public static final String PASSWORD = "Wonderland-2026!";

    private final Simulator sim;
    private final SignInState inFlight;
    private final OieAuthentication signedIn;
    private final String nonce;

    public SignedInFixture() {
        sim = Simulator.start(Org.defaultSeed(), 0);
        try (SignInFlow flow = new SignInFlow(new OktaIdxPort(config()), provider(), config())) {
            SignInState first = page(flow.start()).state();
            inFlight = page(flow.identify(first, USER, null)).state();
            if (!(flow.answer(inFlight, PASSWORD.toCharArray()) instanceof FlowResult.SignedIn done)) {
                throw new IllegalStateException("the benchmark's sign-in did not complete");
            }
            signedIn = done.authentication();
            nonce = SignedJWT.parse(signedIn.tokens().idToken()).getJWTClaimsSet().getStringClaim("nonce");
        } catch (Exception e) {
            sim.stop();
            throw new IllegalStateException("the benchmark's sign-in against the simulator failed: " + e.getMessage(), e);
        }
    }

    private static FlowResult.Page page(FlowResult r) {
        if (r instanceof FlowResult.Page p) {
            return p;
        }
        throw new IllegalStateException("expected a page of the sign-in, got " + r);
    }

    /** The filter's settings for this simulator, as init-params. */
    public Map<String, String> settings() {
        // As the sample and the demo run: sign-out goes through Okta's end-session, so the session keeps the ID token.
        return Map.of(OieConfig.ISSUER, sim.issuer(), OieConfig.CLIENT_ID, CLIENT_ID, OieConfig.CLIENT_SECRET, CLIENT_SECRET,
                OieConfig.REDIRECT_URI, REDIRECT_URI, OieConfig.PROTECTED_PATHS, "/app/*",
                OieConfig.POST_LOGOUT_REDIRECT_URI, "http://localhost:8080/sample/oie/signed-out");
    }

    public OieConfig config() {
        Map<String, String> s = settings();
        return OieConfig.resolve(List.of(ConfigSource.named(s::get, k -> k)));
    }

    /** A provider of its own, as the filter makes one: discovery and keys fetched on first use. */
    public OidcProvider provider() {
        OieConfig c = config();
        return new OidcProvider(c.issuer(), c.clientId(), c.httpTimeout());
    }

    /** The state kept in the session between the identify and the password page. */
    public SignInState inFlight() {
        return inFlight;
    }

    /** What the sign-in keeps in the session. */
    public OieAuthentication signedIn() {
        return signedIn;
    }

    public String idToken() {
        return signedIn.tokens().idToken();
    }

    public String nonce() {
        return nonce;
    }

    /** Java serialization, as a container writes session attributes to its store. */
    public static byte[] serialize(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        sim.stop();
    }
}
