package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.Simulator;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.PhoneNumbers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * The phone's steps. Chosen without its data (select-authenticator-*: an id alone), the next state asks for it
 * (authenticator-enrollment-data: method and number; authenticator-verification-data: method). Given a method the org
 * allows (and, enrolling, a number it takes), a code goes to the phone outbox; it lives 5 minutes and works once.
 * A new code may be asked for {@link #RESEND_INTERVAL} after the last; sooner, Okta's recorded rate limit.
 */
final class PhoneSteps {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    /** Okta's widget offers resend 30 seconds after a code was sent; sooner, Okta answers with its rate limit. */
    static final Duration RESEND_INTERVAL = Duration.ofSeconds(30);

    /** Recorded (widget error-authenticator-enroll-phone-invalid-number.json): at the top, the data form again. 400 as field errors. */
    static final Problem INVALID_NUMBER = new Problem(400, "Invalid Phone Number.", "api.factors.error.sms.invalid_phone", false);
    /** Recorded (widget error-authenticator-phone-sms-ratelimit.json): messages only. 429, Okta's status for rate limits. */
    static final Problem RATE_LIMITED = new Problem(429, "You have reached the limit of sms requests, please try again later.",
            "errors.E0000150", false);
    /** Not recorded: a method the org does not allow gets Okta's generic validation error at the top. */
    static final Problem METHOD_INVALID = new Problem(400, "Api validation failed: methodType", "E0000001", false);

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Simulator sim;

    PhoneSteps(Simulator sim) {
        this.sim = sim;
    }

    /** The phone chosen, or its data given: the request's authenticator {id, methodType?, phoneNumber?}. Null when accepted. */
    Problem chosen(Interaction i, JsonNode authenticator) {
        i.phoneMethod = null;
        String method = authenticator.path("methodType").asText("");
        boolean enrolling = i.mode == Interaction.Mode.ENROLL;
        if (method.isEmpty() || (enrolling && !authenticator.hasNonNull("phoneNumber"))) {
            return null; // the next state asks for the data
        }
        if (!sim.org().phoneMethods().contains(method)) {
            return METHOD_INVALID;
        }
        String number = enrolling ? PhoneNumbers.normalize(authenticator.get("phoneNumber").asText()) : i.user.phoneNumber();
        if (number == null) {
            return INVALID_NUMBER;
        }
        i.phoneNumber = number;
        i.phoneMethod = method;
        send(i);
        return null;
    }

    /** Whether a verification waits for its method (authenticator-verification-data, posted to /challenge). */
    boolean choosingMethod(Interaction i) {
        return PhoneForms.awaitingData(i) && i.mode == Interaction.Mode.CHALLENGE;
    }

    /** A new code, by the same method; Okta's rate limit sooner than {@link #RESEND_INTERVAL} after the last. */
    Problem resend(Interaction i) {
        if (i.phoneCodeSentAt != null && sim.clock().instant().isBefore(i.phoneCodeSentAt.plus(RESEND_INTERVAL))) {
            return RATE_LIMITED;
        }
        send(i);
        return null;
    }

    /** Whether a new code may be asked for: a code went to the phone in this step. */
    boolean resendable(Interaction i) {
        return i.current == AuthenticatorKind.PHONE && i.phoneMethod != null;
    }

    /** Not recorded: a code before one was sent gets Okta's generic validation error at the top. */
    static final Problem NO_CODE_SENT = new Problem(400, "The request was not completed.", "E0000001", false);

    /** The code: null when accepted (the number enrolled, or the phone verified); a wrong one as email's (recorded alike). */
    Problem answer(Interaction i, String passcode) {
        if (PhoneForms.awaitingData(i)) {
            return NO_CODE_SENT;
        }
        Instant now = sim.clock().instant();
        boolean ok = i.phoneCode != null && passcode != null && now.isBefore(i.phoneCodeExpires)
                && MessageDigest.isEqual(i.phoneCode.getBytes(StandardCharsets.UTF_8), passcode.trim().getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            return Problem.CODE_INVALID;
        }
        i.phoneCode = null;
        if (i.mode == Interaction.Mode.ENROLL) {
            i.user.enrollPhone(i.phoneNumber, now);
        }
        return null;
    }

    private void send(Interaction i) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        i.phoneCode = code;
        i.phoneCodeSentAt = sim.clock().instant();
        i.phoneCodeExpires = i.phoneCodeSentAt.plus(CODE_LIFETIME);
        sim.phoneOutbox().send(i.user.id(), PhoneNumbers.mask(i.phoneNumber), i.phoneMethod, code, i.phoneCodeSentAt);
    }
}
