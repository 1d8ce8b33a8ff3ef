package io.oiefilter.simulator.org;

import java.net.URI;
import java.util.List;

/**
 * The org's WebAuthn relying party. With a real Okta org the rp id is the org's domain and the allowed origins
 * are the org's own (plus related origins); here the rp id is the host the application's pages are served from
 * (a loopback name, "localhost" by default: Chromium treats http://localhost as a secure context), so a browser
 * on the app's page may create and use credentials for it. Origins: the listed ones; with none listed, any
 * http or https origin on the rp id's host, whatever the port (test servers take free ports).
 */
public record WebAuthnRelyingParty(String rpId, List<String> origins) {
    public static final String DEFAULT_RP_ID = "localhost";

    public WebAuthnRelyingParty {
        if (rpId == null || rpId.isBlank()) {
            throw new IllegalArgumentException("a WebAuthn rp id is a host name");
        }
        origins = List.copyOf(origins);
    }

    public static WebAuthnRelyingParty defaults() {
        return new WebAuthnRelyingParty(DEFAULT_RP_ID, List.of());
    }

    /** Whether a clientDataJSON origin may use this relying party. */
    public boolean allows(String origin) {
        if (origin == null || origin.isEmpty()) {
            return false;
        }
        if (!origins.isEmpty()) {
            return origins.contains(origin);
        }
        try {
            URI u = new URI(origin);
            return (u.getScheme().equals("http") || u.getScheme().equals("https")) && rpId.equalsIgnoreCase(u.getHost())
                    && (u.getPath() == null || u.getPath().isEmpty());
        } catch (Exception e) {
            return false;
        }
    }
}
