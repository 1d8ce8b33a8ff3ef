package io.oiefilter.simulator.idx;

import io.oiefilter.simulator.org.Totp;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A Google Authenticator code answered on challenge/answer. Enrolling, the code must be one of the new secret's
 * (it is then enrolled, and that code counts as used); a wrong one gets the enrollment's recorded error
 * (error-authenticator-enroll-google-invalid-otp.json: "Invalid code. Try again."). Verifying, a wrong code and a
 * code used before get their recorded errors. All three are 401: wrong passcodes, as the SDK replays use.
 */
final class TotpSteps {
    private TotpSteps() {
    }

    /** Null when the code was accepted (enrolled or verified); else why not. */
    static Problem answer(Interaction i, String passcode, Instant now) {
        if (i.mode == Interaction.Mode.ENROLL) {
            OptionalLong step = Totp.matchingStep(i.totpSecret, passcode, now);
            if (step.isEmpty()) {
                return Problem.CODE_INVALID;
            }
            i.user.enrollTotp(i.totpSecret, step.getAsLong(), now);
            return null;
        }
        return switch (i.user.checkTotp(passcode, now)) {
            case VALID -> null;
            case INVALID -> Problem.TOTP_INVALID;
            case USED -> Problem.TOTP_USED;
        };
    }
}
