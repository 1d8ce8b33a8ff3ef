package io.oiefilter.session;

import io.oiefilter.idx.TokenSet;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a successful sign-in leaves in the HTTP session: the user and their tokens.
 *
 * @param authenticatedAt when the person signed in (refreshing the tokens does not change it)
 * @param tokensExpireAt  when the tokens stop being good (the earlier of the access and ID token's
 *                        expiry): the sign-in ends then, unless a refresh token renews them
 */
public record OieAuthentication(OieUser user, TokenSet tokens, Instant authenticatedAt, Instant tokensExpireAt)
        implements Serializable {
    /** The session attribute it is stored under. */
    public static final String SESSION_ATTRIBUTE = OieAuthentication.class.getName();

    /** Written deflated: a clustered session writes it to its replicas, often on every request. */
    @java.io.Serial
    private Object writeReplace() throws java.io.ObjectStreamException {
        return CompactSerialForm.of(this);
    }

    @Override
    public String toString() {
        return "OieAuthentication{" + user + ", at " + authenticatedAt + ", until " + tokensExpireAt + "}";
    }
}
