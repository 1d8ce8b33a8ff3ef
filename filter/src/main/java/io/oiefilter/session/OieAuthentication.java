package io.oiefilter.session;

import io.oiefilter.idx.TokenSet;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What a successful sign-in leaves in the HTTP session: the user and the tokens kept
 * ({@link SessionContents}). Immutable. A clustered container may write the session to its replicas on
 * every request, so its serialized form is made once ({@link CompactSerialForm}) and reused.
 */
public final class OieAuthentication implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;
    /** The session attribute it is stored under. */
    public static final String SESSION_ATTRIBUTE = OieAuthentication.class.getName();

    private final OieUser user;
    private final TokenSet tokens;
    private final Instant authenticatedAt;
    private final Instant tokensExpireAt;
    /** Its compact serialized form, once made: it never changes. */
    private transient volatile Object written;

    /**
     * @param authenticatedAt when the person signed in (refreshing the tokens does not change it)
     * @param tokensExpireAt  when the tokens stop being good (the earlier of the access and ID token's
     *                        expiry): the sign-in ends then, unless a refresh token renews them
     */
    public OieAuthentication(OieUser user, TokenSet tokens, Instant authenticatedAt, Instant tokensExpireAt) {
        this.user = Objects.requireNonNull(user);
        this.tokens = Objects.requireNonNull(tokens);
        this.authenticatedAt = Objects.requireNonNull(authenticatedAt);
        this.tokensExpireAt = tokensExpireAt;
    }

    public OieUser user() { return user; }
    /** The tokens the session keeps: by default the refresh token and the end-session hint ({@code oie.session.tokens}). */
    public TokenSet tokens() { return tokens; }
    public Instant authenticatedAt() { return authenticatedAt; }
    public Instant tokensExpireAt() { return tokensExpireAt; }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        if (CompactSerialForm.isWriting(this)) {
            return this;
        }
        Object form = written;
        if (form == null) {
            form = CompactSerialForm.of(this);
            written = form;
        }
        return form;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OieAuthentication a && user.equals(a.user) && tokens.equals(a.tokens)
                && authenticatedAt.equals(a.authenticatedAt) && Objects.equals(tokensExpireAt, a.tokensExpireAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, tokens, authenticatedAt, tokensExpireAt);
    }

    @Override
    public String toString() {
        return "OieAuthentication{" + user + ", at " + authenticatedAt + ", until " + tokensExpireAt + "}";
    }
}
