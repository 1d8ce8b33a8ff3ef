package io.oiefilter.simulator.mgmt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.OrgUser;

/**
 * The Factors API's shapes for the one factor the simulator's users can have: the enrolled email
 * authenticator, as an ACTIVE {@code email} factor of provider OKTA (Okta's "List all enrolled
 * Factors" and "Issue an Email Factor challenge" examples).
 */
final class FactorJson {
    /** Okta's email factor ids start with "emf"; the rest is the user's, so the id is stable. */
    private static final String EMAIL_FACTOR_PREFIX = "emf";

    private FactorJson() {
    }

    static String emailFactorId(OrgUser u) {
        return EMAIL_FACTOR_PREFIX + u.id().substring(3);
    }

    static ObjectNode emailFactor(OrgUser u, String base, ObjectMapper json) {
        ObjectNode n = json.createObjectNode().put("id", emailFactorId(u)).put("factorType", "email")
                .put("provider", "OKTA").put("vendorName", "OKTA").put("status", "ACTIVE");
        String enrolled = UserJson.OKTA_TIME.format(u.emailEnrolledAt() != null ? u.emailEnrolledAt() : u.created());
        n.put("created", enrolled).put("lastUpdated", enrolled);
        n.putObject("profile").put("email", u.email());
        ObjectNode links = n.putObject("_links");
        links.set("verify", link(json, verifyHref(u, base), "POST"));
        links.set("self", link(json, factorHref(u, base), "GET", "DELETE"));
        links.set("user", link(json, base + "/api/v1/users/" + u.id(), "GET"));
        return n;
    }

    /** A challenge was sent: the code is to be posted to the verify link. */
    static ObjectNode challenge(OrgUser u, String base, ObjectMapper json) {
        ObjectNode n = json.createObjectNode().put("factorResult", "CHALLENGE");
        ObjectNode links = n.putObject("_links");
        links.set("verify", link(json, verifyHref(u, base), "POST"));
        links.set("factor", link(json, factorHref(u, base), "GET", "DELETE"));
        return n;
    }

    static ObjectNode success(ObjectMapper json) {
        return json.createObjectNode().put("factorResult", "SUCCESS");
    }

    private static String factorHref(OrgUser u, String base) {
        return base + "/api/v1/users/" + u.id() + "/factors/" + emailFactorId(u);
    }

    private static String verifyHref(OrgUser u, String base) {
        return factorHref(u, base) + "/verify";
    }

    private static ObjectNode link(ObjectMapper json, String href, String... allow) {
        ObjectNode l = json.createObjectNode().put("href", href);
        var methods = l.putObject("hints").putArray("allow");
        for (String m : allow) {
            methods.add(m);
        }
        return l;
    }
}
