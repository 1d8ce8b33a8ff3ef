package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.PasswordPolicy;
import io.oiefilter.simulator.org.UserStatus;

import java.time.Instant;

/**
 * Checks an answer to the authenticator in progress (challenge-authenticator, enroll-authenticator,
 * reset-authenticator, reenroll-authenticator), per kind, and keeps what it sets up. Teaching the simulator an
 * authenticator adds its branch here and its own steps class.
 */
final class InProgressAnswers {
    private final Simulator sim;
    private final PhoneSteps phone;

    InProgressAnswers(Simulator sim, PhoneSteps phone) {
        this.sim = sim;
        this.phone = phone;
    }

    /** Okta's refusal of the answer in {@code req}, or null when it is right (and what it set up is kept). */
    Problem check(Interaction i, JsonNode req) {
        String passcode = IdxEndpoint.passcode(req);
        Instant now = sim.clock().instant();
        return switch (i.current) {
            case EMAIL -> email(i, passcode, now);
            case GOOGLE_OTP -> TotpSteps.answer(i, passcode, now);
            case PHONE -> phone.answer(i, passcode);
            case OKTA_VERIFY -> OktaVerifySteps.answer(i, req.path("credentials"), now);
            case SECURITY_QUESTION -> SecurityQuestionSteps.answer(i, req.path("credentials"), now);
            case WEBAUTHN -> WebAuthnSteps.answer(i, req.path("credentials"), sim.org().webAuthn(), now);
            case PASSWORD -> i.mode == Interaction.Mode.CHALLENGE ? password(i, passcode) : newPassword(i, passcode, now);
        };
    }

    private Problem email(Interaction i, String passcode, Instant now) {
        if (!sim.engine().emailCodeMatches(i, passcode)) {
            return Problem.CODE_INVALID;
        }
        if (i.mode == Interaction.Mode.ENROLL) {
            i.user.enrollEmail(now);
        }
        return null;
    }

    private Problem password(Interaction i, String passcode) {
        if (!checkPassword(i, i.user, passcode)) {
            return i.user.status() == UserStatus.LOCKED_OUT ? Problem.LOCKED : Problem.PASSWORD_INCORRECT;
        }
        return null;
    }

    /** A new password (enrollment, reset, re-enrollment): the org's policy, then kept. */
    private Problem newPassword(Interaction i, String passcode, Instant now) {
        PasswordPolicy policy = sim.org().passwordPolicy();
        if (!policy.unmet(passcode, i.user).isEmpty()) {
            return Problem.passwordRequirements(policy.requirements(), null);
        }
        if (policy.common(passcode)) {
            return Problem.PASSWORD_COMMON;
        }
        if (i.mode == Interaction.Mode.REENROLL && i.user.passwordMatches(passcode)) {
            // Not recorded: the recorded history rule's wording, for the current password.
            return Problem.passwordRequirements(policy.requirements(), "Your password cannot be your current password.");
        }
        i.user.password(passcode, now);
        if ((i.mode == Interaction.Mode.RESET && i.user.status() == UserStatus.LOCKED_OUT)
                || (i.mode == Interaction.Mode.REENROLL && i.user.status() == UserStatus.PASSWORD_EXPIRED)) {
            i.user.status(UserStatus.ACTIVE, now); // unlocked through recovery, or the expired password changed
        }
        return null;
    }

    /** A password checked as sign-in checks it: never for a locked-out user, and a wrong one counts toward the lockout. */
    boolean checkPassword(Interaction i, OrgUser user, String passcode) {
        if (user.status() == UserStatus.LOCKED_OUT) {
            return false;
        }
        if (user.passwordMatches(passcode)) {
            return true;
        }
        user.wrongPassword(sim.org().passwordPolicy().maxAttempts(), sim.clock().instant());
        return false;
    }

}
