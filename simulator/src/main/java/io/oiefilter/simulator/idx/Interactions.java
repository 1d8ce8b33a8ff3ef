package io.oiefilter.simulator.idx;

import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgApp;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All open IDX transactions, found by interaction handle, state handle or interaction code. */
public final class Interactions {
    private final Map<String, Interaction> byHandle = new ConcurrentHashMap<>();
    private final Map<String, Interaction> byStateHandle = new ConcurrentHashMap<>();
    private final Map<String, Interaction> byCode = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    public Interactions(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Interaction open(OrgApp app, List<String> scopes, String codeChallenge, String redirectUri, String state, String nonce) {
        Interaction i = new Interaction(Org.randomString(43), app, scopes, codeChallenge, redirectUri, state, nonce,
                clock.instant().plus(lifetime));
        byHandle.put(i.interactionHandle, i);
        newStateHandle(i);
        return i;
    }

    /** Every transaction still known, for tests and the admin view (not an Okta API). */
    public java.util.List<Interaction> all() {
        return java.util.List.copyOf(byHandle.values());
    }

    /** Okta hands out a new stateHandle as the transaction moves on; the old one stops working. */
    public void newStateHandle(Interaction i) {
        if (i.stateHandle != null) {
            byStateHandle.remove(i.stateHandle);
        }
        i.stateHandle = "02" + Org.randomString(40);
        byStateHandle.put(i.stateHandle, i);
    }

    void issueCode(Interaction i) {
        i.interactionCode = Org.randomString(43);
        byCode.put(i.interactionCode, i);
    }

    /** Ends every open transaction now, as if each had timed out (tests of idx.session.expired). */
    public void expireAll() {
        byHandle.clear();
        byStateHandle.clear();
        byCode.clear();
    }

    public Optional<Interaction> byInteractionHandle(String handle) {
        return live(handle == null ? null : byHandle.get(handle));
    }

    public Optional<Interaction> byStateHandle(String stateHandle) {
        return live(stateHandle == null ? null : byStateHandle.get(stateHandle));
    }

    public Optional<Interaction> byInteractionCode(String code) {
        return live(code == null ? null : byCode.get(code));
    }

    private Optional<Interaction> live(Interaction i) {
        return Optional.ofNullable(i).filter(x -> !x.expired(clock.instant()));
    }

    public String handleOf(Interaction i) {
        return i.interactionHandle;
    }

    /** An interaction code is good once, for the app it was issued to. */
    public Optional<Interaction> redeem(String code, OrgApp app) {
        Optional<Interaction> found = byInteractionCode(code);
        if (found.isEmpty()) {
            return found;
        }
        Interaction i = found.get();
        synchronized (i) {
            if (i.codeRedeemed || !i.app().clientId().equals(app.clientId())) {
                return Optional.empty();
            }
            i.codeRedeemed = true;
            byCode.remove(code);
            return found;
        }
    }

    String expiresAt(Interaction i) {
        return i.expiresAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("Z", ".000Z");
    }
}
