package io.oiefilter.token;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The issuer's metadata and ID token validator, discovered on first use (not at start-up, so an app
 * deploys even while Okta is unreachable) and kept afterwards. A failed discovery is retried next time.
 */
public final class OidcProvider {
    private final URI issuer;
    private final String clientId;
    private final Duration timeout;
    private volatile Discovered discovered;

    private record Discovered(ProviderMetadata metadata, IdTokenValidator validator) {
    }

    public OidcProvider(URI issuer, String clientId, Duration timeout) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.timeout = timeout;
    }

    public ProviderMetadata metadata() throws IOException {
        return discovered().metadata();
    }

    public IdTokenValidator idTokenValidator() throws IOException {
        return discovered().validator();
    }

    private Discovered discovered() throws IOException {
        Discovered d = discovered;
        if (d == null) {
            synchronized (this) {
                d = discovered;
                if (d == null) {
                    ProviderMetadata metadata = ProviderMetadata.discover(issuer, timeout);
                    d = new Discovered(metadata, new IdTokenValidator(metadata, clientId, timeout));
                    discovered = d;
                }
            }
        }
        return d;
    }
}
