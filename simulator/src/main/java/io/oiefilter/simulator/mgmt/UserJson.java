package io.oiefilter.simulator.mgmt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;

import java.time.Instant;

/** A user as the Users API returns it. */
final class UserJson {
    /** Okta writes times with milliseconds and a Z. */
    static final java.time.format.DateTimeFormatter OKTA_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private UserJson() {
    }

    static ObjectNode of(OrgUser u, String base, ObjectMapper json) {
        ObjectNode n = json.createObjectNode().put("id", u.id()).put("status", u.status().name());
        time(n, "created", u.created());
        time(n, "activated", u.activated());
        time(n, "statusChanged", u.statusChanged());
        time(n, "lastLogin", u.lastLogin());
        time(n, "lastUpdated", u.lastUpdated());
        time(n, "passwordChanged", u.passwordChanged());
        n.putObject("type").put("id", "oty" + u.id().substring(3));
        ObjectNode profile = n.putObject("profile");
        profile.put("firstName", u.firstName()).put("lastName", u.lastName()).putNull("mobilePhone").putNull("secondEmail")
                .put("login", u.login()).put("email", u.email());
        ObjectNode credentials = n.putObject("credentials");
        if (u.hasPassword()) {
            credentials.putObject("password");
        }
        credentials.putArray("emails").addObject().put("value", u.email())
                .put("status", u.enrolled(io.oiefilter.simulator.org.AuthenticatorKind.EMAIL) ? "VERIFIED" : "UNVERIFIED")
                .put("type", "PRIMARY");
        credentials.putObject("provider").put("type", "OKTA").put("name", "OKTA");
        ObjectNode links = n.putObject("_links");
        String self = base + "/api/v1/users/" + u.id();
        links.putObject("self").put("href", self);
        if (u.status() == UserStatus.PROVISIONED) {
            links.putObject("reactivate").put("href", self + "/lifecycle/reactivate").put("method", "POST");
        }
        return n;
    }

    private static void time(ObjectNode n, String name, Instant at) {
        if (at == null) {
            n.putNull(name);
        } else {
            n.put(name, OKTA_TIME.format(at));
        }
    }
}
