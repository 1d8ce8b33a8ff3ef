package io.oiefilter.it.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;

/**
 * The OpenID Connect relying party of the redirect-client WAR (Jakarta Security 3.0, Payara 6's implementation),
 * its provider and client read from the server's system properties through EL, as an app would from its config.
 */
@ApplicationScoped
@Named("oidcSettings")
@OpenIdAuthenticationMechanismDefinition(providerURI = "${oidcSettings.issuer}", clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}", redirectURI = "${baseURL}/Callback", redirectToOriginalResource = true)
public class OpenIdSettings {
    public String getIssuer() {
        return System.getProperty("it.oidc.issuer");
    }

    public String getClientId() {
        return System.getProperty("it.oidc.clientId");
    }

    public String getClientSecret() {
        return System.getProperty("it.oidc.clientSecret");
    }
}
