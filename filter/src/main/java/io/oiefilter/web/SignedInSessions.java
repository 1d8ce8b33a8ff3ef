package io.oiefilter.web;

import io.oiefilter.flow.SignInFlow;
import io.oiefilter.session.OieAuthentication;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * The session's sign-in as it stands now: renewed, or ended (and removed) when its time is up. One
 * place for the filter and for the container's authentication, so both see the same person.
 */
final class SignedInSessions {
    /** Parallel requests of one session renew its tokens once. */
    private static final Object[] RENEWAL_LOCKS = new Object[64];

    static {
        for (int i = 0; i < RENEWAL_LOCKS.length; i++) {
            RENEWAL_LOCKS[i] = new Object();
        }
    }

    private final SignInFlow flow;

    SignedInSessions(SignInFlow flow) {
        this.flow = flow;
    }

    /** Costs a session read and a clock comparison, unless the tokens are due for renewal. */
    Optional<OieAuthentication> current(HttpSession session) {
        if (session == null || !(session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE) instanceof OieAuthentication auth)) {
            return Optional.empty();
        }
        if (flow.fresh(auth)) {
            return Optional.of(auth);
        }
        synchronized (RENEWAL_LOCKS[Math.floorMod(session.getId().hashCode(), RENEWAL_LOCKS.length)]) {
            Object latest = session.getAttribute(OieAuthentication.SESSION_ATTRIBUTE);
            if (latest != auth) { // another request of this session got here first
                return latest instanceof OieAuthentication a && flow.fresh(a) ? Optional.of(a) : Optional.empty();
            }
            Optional<OieAuthentication> now = flow.current(auth);
            if (now.isPresent()) {
                session.setAttribute(OieAuthentication.SESSION_ATTRIBUTE, now.get());
            } else {
                session.removeAttribute(OieAuthentication.SESSION_ATTRIBUTE);
            }
            return now;
        }
    }
}
