package io.oiefilter.simulator.idx;

import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.OrgUser;

import java.time.Instant;
import java.util.List;

/** One IDX transaction, from /v1/interact to the token exchange. Guarded by its own monitor. */
public final class Interaction {
    /** Where the transaction stands; decides the remediations the next response offers. */
    public enum Step { IDENTIFY, CHALLENGE_PASSWORD, SUCCESS }

    final String interactionHandle;
    final OrgApp app;
    final List<String> scopes;
    final String codeChallenge;
    final String redirectUri;
    final String state;
    final String nonce;
    final Instant expiresAt;
    String stateHandle;
    Step step = Step.IDENTIFY;
    OrgUser user;
    String interactionCode;
    boolean codeRedeemed;

    Interaction(String interactionHandle, OrgApp app, List<String> scopes, String codeChallenge,
                String redirectUri, String state, String nonce, Instant expiresAt) {
        this.interactionHandle = interactionHandle;
        this.app = app;
        this.scopes = List.copyOf(scopes);
        this.codeChallenge = codeChallenge;
        this.redirectUri = redirectUri;
        this.state = state;
        this.nonce = nonce;
        this.expiresAt = expiresAt;
    }

    public OrgApp app() { return app; }
    public OrgUser user() { return user; }
    public List<String> scopes() { return scopes; }
    public String nonce() { return nonce; }
    public String codeChallenge() { return codeChallenge; }
    public Step step() { return step; }
    boolean expired(Instant now) { return now.isAfter(expiresAt); }
}
