package io.oiefilter.simulator.oauth;

import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;

import java.util.List;

/** What a token speaks for: a user, the app it was issued to, the scopes, and the nonce of the sign-in. */
public record Grant(OrgUser user, OrgApp app, List<String> scopes, String nonce) {
}
