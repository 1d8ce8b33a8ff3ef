package io.oiefilter.session;

import io.oiefilter.idx.TokenSet;

import java.io.Serializable;
import java.time.Instant;

/** What a successful sign-in leaves in the HTTP session: the user and their tokens. */
public record OieAuthentication(OieUser user, TokenSet tokens, Instant authenticatedAt) implements Serializable {
    /** The session attribute it is stored under. */
    public static final String SESSION_ATTRIBUTE = OieAuthentication.class.getName();

    @Override
    public String toString() {
        return "OieAuthentication{" + user + ", at " + authenticatedAt + "}";
    }
}
