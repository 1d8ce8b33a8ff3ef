package io.oiefilter.simulator.oauth;

import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;

import java.util.List;

/**
 * What a token speaks for: a user, the app it was issued to, the scopes, the nonce of the sign-in, and how the
 * person was authenticated ({@code amr}, see {@link AuthenticationMethods}).
 */
public record Grant(OrgUser user, OrgApp app, List<String> scopes, String nonce, List<String> amr) {
    public Grant {
        amr = List.copyOf(amr);
    }
}
