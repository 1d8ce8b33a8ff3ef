package io.oiefilter.simulator.oauth;

import io.oiefilter.simulator.org.OrgApp;

import java.util.List;

/**
 * A validated /v1/authorize request: everything the hosted sign-in page and the authorization response need.
 *
 * @param codeChallenge the PKCE S256 challenge, or null (only a confidential client may leave it out)
 * @param formPost      response_mode=form_post (else query)
 * @param query         the request's query string, to start over after a terminal state
 */
public record AuthorizeRequest(OrgApp app, String redirectUri, String state, String nonce, List<String> scopes,
                               String codeChallenge, boolean formPost, String loginHint, String query) {
    public AuthorizeRequest {
        scopes = List.copyOf(scopes);
    }
}
