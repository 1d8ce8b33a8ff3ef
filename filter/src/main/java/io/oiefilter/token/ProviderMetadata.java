package io.oiefilter.token;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The issuer's OIDC discovery document: the few endpoints the filter needs. */
public record ProviderMetadata(URI issuer, URI jwksUri, URI revocationEndpoint, URI endSessionEndpoint) {

    /** Reads {issuer}/.well-known/openid-configuration and checks that it speaks for that issuer. */
    public static ProviderMetadata discover(URI issuer, Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("discovery answered HTTP " + response.statusCode());
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(response.body());
            String declared = JSONObjectUtils.getString(json, "issuer");
            if (!issuer.toString().equals(declared)) {
                throw new IOException("discovery document is for issuer " + declared + ", not " + issuer);
            }
            return new ProviderMetadata(issuer, required(json, "jwks_uri"), optional(json, "revocation_endpoint"),
                    optional(json, "end_session_endpoint"));
        } catch (java.text.ParseException e) {
            throw new IOException("discovery document is not JSON: " + e.getMessage(), e);
        }
    }

    private static URI required(Map<String, Object> json, String name) throws java.text.ParseException, IOException {
        URI uri = optional(json, name);
        if (uri == null) {
            throw new IOException("discovery document has no " + name);
        }
        return uri;
    }

    private static URI optional(Map<String, Object> json, String name) throws java.text.ParseException {
        String v = JSONObjectUtils.getString(json, name);
        return v == null ? null : URI.create(v);
    }
}
