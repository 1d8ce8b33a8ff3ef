package io.oiefilter.it.servers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system properties the sample WAR needs on any server to sign in against the simulator the
 * test JVM runs: the default seed's web app, its secret, the Management API token the sample's
 * activation strategy uses, and where sign-out comes back to.
 */
public final class SampleSettings {
    public static final String CLIENT_ID = "0oa-demo-web-app";
    public static final String CLIENT_SECRET = "demo-client-secret-not-for-production";
    public static final String API_TOKEN = "00demo-management-api-token-not-for-production";
    /** As the seeded app registers it; the flow never follows it. */
    public static final String REDIRECT_URI = "http://localhost:8080/sample/authorization-code/callback";

    private SampleSettings() {
    }

    /** For an app at {@code http://localhost:httpPort/contextRoot/} signing in against the simulator on {@code simulatorPort}. */
    public static Map<String, String> forSample(int simulatorPort, int httpPort, String contextRoot) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("okta.oauth2.issuer", "http://127.0.0.1:" + simulatorPort + "/oauth2/default");
        p.put("okta.oauth2.clientId", CLIENT_ID);
        p.put("okta.oauth2.clientSecret", CLIENT_SECRET);
        p.put("okta.oauth2.redirectUri", REDIRECT_URI);
        p.put("okta.client.token", API_TOKEN);
        p.put("oie.httpTimeoutSeconds", "3");
        p.put("oie.postLogoutRedirectUri", "http://localhost:" + httpPort + "/" + contextRoot + "/oie/signed-out");
        return p;
    }
}
