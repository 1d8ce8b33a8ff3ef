package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.UserStatus;

import java.util.Optional;

/**
 * Self-service unlock through an email code, as the Sign-In Widget's mocks record it: unlock-account
 * (from the login identify page) asks for an identifier and an authenticator; posting them to
 * /idp/idx/challenge asks for the emailed code, whatever the identifier (a code is sent only when it
 * names a LOCKED_OUT user); the right code makes that user ACTIVE and ends in a terminal message.
 *
 * <p>After the code Okta can also continue into sign-in (the widget's
 * user-account-unlock-success-land-on-app.json, key oie.selfservice.unlock_user.landing.to.app.success.message)
 * when its policy counts the unlock as a sign-in factor. The simulator answers the terminal
 * unlock-account-success.json instead: it is the widget's default email unlock flow (v2 spec
 * UnlockAccountChallenge_spec.js and the v3 unlock scenarios), and a person who starts again signs in
 * under the app's own policy.
 */
final class UnlockSteps {
    static final Problem IDENTIFIER_BLANK = new Problem(400, "This field cannot be left blank", "model.validation.field.blank", true,
            "identifier");
    static final Problem NOT_AVAILABLE = new Problem(400, "The authenticator is not available.", "E0000001", false);

    private final Simulator sim;

    UnlockSteps(Simulator sim) {
        this.sim = sim;
    }

    /** unlock-account is offered on the login identify page when the org's password policy allows self-service unlock. */
    boolean offered(Interaction i) {
        return sim.org().selfServiceUnlock() && i.offer.kind() == Offer.Kind.IDENTIFY && i.intent == Interaction.Intent.LOGIN;
    }

    void start(Interaction i) {
        i.restart();
        i.intent = Interaction.Intent.UNLOCK;
        sim.engine().advance(i);
    }

    boolean choosing(Interaction i) {
        return i.offer.kind() == Offer.Kind.SELECT_UNLOCK || i.offer.kind() == Offer.Kind.UNLOCK_CHALLENGE;
    }

    /**
     * The identifier and authenticator (or, at the code, the authenticator again: a new code). The
     * answer is the same for every identifier; only a LOCKED_OUT user's address gets a code.
     */
    Problem choose(JsonNode req, Interaction i) {
        boolean first = i.offer.kind() == Offer.Kind.SELECT_UNLOCK;
        String identifier = req.path("identifier").asText("").trim();
        if (first && identifier.isEmpty()) {
            return IDENTIFIER_BLANK;
        }
        Optional<AuthenticatorKind> k = sim.org().authenticatorById(req.path("authenticator").path("id").asText(null));
        if (k.isEmpty() || k.get() != AuthenticatorKind.EMAIL) {
            return NOT_AVAILABLE;
        }
        if (first) {
            i.unlockIdentifier = identifier;
            i.unlockTarget = sim.org().userByLogin(identifier).filter(u -> u.status() == UserStatus.LOCKED_OUT).orElse(null);
        }
        sim.engine().start(i, AuthenticatorKind.EMAIL, Interaction.Mode.CHALLENGE);
        sim.engine().advance(i);
        return null;
    }

    boolean answering(Interaction i) {
        return i.offer.kind() == Offer.Kind.UNLOCK_CHALLENGE;
    }

    /** The right code unlocks (ACTIVE, failed-password count reset); a wrong one is the usual invalid code. */
    Problem answer(String passcode, Interaction i) {
        if (!sim.engine().emailCodeMatches(i, passcode)) {
            return Problem.CODE_INVALID;
        }
        OrgUser u = i.unlockTarget;
        if (u.status() == UserStatus.LOCKED_OUT) {
            u.status(UserStatus.ACTIVE, sim.clock().instant());
        }
        i.unlocked = true;
        i.current = null;
        i.mode = null;
        sim.engine().advance(i);
        return null;
    }
}
