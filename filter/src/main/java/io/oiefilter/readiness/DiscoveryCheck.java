package io.oiefilter.readiness;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.oiefilter.config.OieConfig;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The authorization server's discovery document answers, names the configured issuer, and its keys (JWKS) load. */
final class DiscoveryCheck implements ReadinessCheck {
    static final String NAME = "discovery";
    private final OieConfig config;
    private final OktaHttp http;

    DiscoveryCheck(OieConfig config, OktaHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        String issuer = config.issuer().toString();
        URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
        Map<String, Object> doc;
        try {
            OktaHttp.Answer a = http.get(discovery, Map.of("Accept", "application/json"));
            if (a.status() != 200) {
                return CheckResult.failed(NAME, "no authorization server answers at " + issuer + " (discovery: HTTP " + a.status()
                        + "): check " + OieConfig.ISSUER + " (the Issuer URI in Security > API > Authorization Servers, "
                        + "e.g. https://your-org.okta.com/oauth2/default)");
            }
            doc = JSONObjectUtils.parse(a.body());
        } catch (OktaHttp.Unreachable e) {
            return unreachable(e);
        } catch (java.text.ParseException e) {
            return CheckResult.failed(NAME, "the discovery document at " + discovery + " is not JSON: check " + OieConfig.ISSUER);
        }
        Object named = doc.get("issuer");
        if (!issuer.equals(named)) {
            return CheckResult.failed(NAME, "the authorization server calls itself " + named + ", not " + issuer
                    + ": set " + OieConfig.ISSUER + " to its Issuer URI exactly (ID tokens would be refused)");
        }
        if (!(doc.get("jwks_uri") instanceof String jwks)) {
            return CheckResult.failed(NAME, "the discovery document names no jwks_uri: check " + OieConfig.ISSUER);
        }
        try {
            OktaHttp.Answer keys = http.get(URI.create(jwks), Map.of("Accept", "application/json"));
            Object list = keys.status() == 200 ? JSONObjectUtils.parse(keys.body()).get("keys") : null;
            if (!(list instanceof List<?> l) || l.isEmpty()) {
                return CheckResult.failed(NAME, "the signing keys at " + jwks + " did not load (HTTP " + keys.status()
                        + "): ID tokens cannot be checked; check " + OieConfig.ISSUER + " and that this server can reach it");
            }
            return CheckResult.ok(NAME, "issuer " + issuer + " answers, " + l.size() + " signing key(s)");
        } catch (OktaHttp.Unreachable e) {
            return unreachable(e);
        } catch (java.text.ParseException | IllegalArgumentException e) {
            return CheckResult.failed(NAME, "the signing keys at " + jwks + " are not a JWK set: check " + OieConfig.ISSUER);
        }
    }

    private CheckResult unreachable(OktaHttp.Unreachable e) {
        return CheckResult.failed(NAME, e.getMessage() + ": check " + OieConfig.ISSUER
                + " and that this server can reach that host (DNS, proxy, firewall)");
    }
}
