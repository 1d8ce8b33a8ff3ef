package io.oiefilter.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints (and with a path argument writes as JSON) the serialized sizes of what the filter keeps in the session,
 * from a real sign-in against the simulator: {@code java -cp benchmarks.jar io.oiefilter.bench.jmh.SessionSizes [out.json]}.
 */
public final class SessionSizes {
    private SessionSizes() {
    }

    public static void main(String[] args) throws Exception {
        try (SignedInFixture f = new SignedInFixture()) {
            int state = SignedInFixture.serialize(f.inFlight()).length;
            int auth = SignedInFixture.serialize(f.signedIn()).length;
            int user = SignedInFixture.serialize(f.signedIn().user()).length;
            var tokens = f.signedIn().tokens();
            int withoutTokens = SignedInFixture.serialize(new io.oiefilter.session.OieAuthentication(f.signedIn().user(),
                    new io.oiefilter.idx.TokenSet(null, null, null, tokens.expiresInSeconds(), tokens.scope()),
                    f.signedIn().authenticatedAt(), f.signedIn().tokensExpireAt())).length;
            int tokenChars = tokens == null ? 0 : length(tokens.idToken()) + length(tokens.accessToken()) + length(tokens.refreshToken());
            String json = "{\"signInState\":" + state + ",\"authentication\":" + auth + ",\"user\":" + user
                    + ",\"tokenChars\":" + tokenChars + ",\"authenticationWithoutTokens\":" + withoutTokens + "}";
            System.out.println("serialized sizes (bytes): in-flight SignInState " + state + ", signed-in OieAuthentication " + auth
                    + " (of which OieUser alone " + user + ", token text " + tokenChars + " chars), without tokens " + withoutTokens);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), json + "\n", StandardCharsets.UTF_8);
            }
        }
        System.exit(0); // the SDK's client threads must not keep this tool alive
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
