package io.oiefilter.simulator.idx;

import com.fasterxml.jackson.databind.JsonNode;
import io.oiefilter.simulator.mail.Outbox;
import io.oiefilter.simulator.org.OktaVerifyDevice;
import io.oiefilter.simulator.org.OrgUser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Okta Verify's steps. Enrolling: a QR code of an enrollment link first; select-enrollment-channel switches to email
 * or SMS, whose enrollment-channel-data (challenge/send) sends the same link; enroll-poll answers the same state until
 * the phone (a test, through the admin endpoint) has enrolled. Verifying: a push (challenge-poll until approved or
 * rejected, as recorded in authenticator-verification-okta-verify-reject-push.json) or a code (credentials.totp, as
 * recorded in authenticator-verification-okta-verify-totp.json, error-okta-verify-totp.json).
 */
final class OktaVerifySteps {
    static final List<String> CHANNELS = List.of("qrcode", "sms", "email");
    /** Recorded (authenticator-verification-okta-verify-reject-push.json): a 200 state, the message at the top. */
    static final Problem PUSH_REJECTED = new Problem(200, "You have chosen to reject this login.", "api.authn.poll.error.push_rejected", false);
    /** Recorded (error-okta-verify-totp.json): under the totp field. */
    static final Problem CODE_INVALID = new Problem(401, Problem.CODE_INVALID.message(), Problem.CODE_INVALID.i18nKey(), true, "totp");
    /** Not recorded: a channel Okta does not offer gets Okta's generic validation error at the top. */
    static final Problem CHANNEL_INVALID = new Problem(400, "Api validation failed: channel", "E0000001", false);


    private OktaVerifySteps() {
    }

    /** Starts an enrollment (a QR code of a new link) or a challenge by the method chosen (a new push, or a code). */
    static void begin(Interaction i, Interaction.Mode mode, boolean numberChallenge) {
        OktaVerifyDevice device = i.user.oktaVerify();
        if (mode == Interaction.Mode.ENROLL) {
            i.ovChannel = "qrcode";
            i.ovLinkSentTo = null;
            device.startEnrollment();
            return;
        }
        i.ovMethod = "totp".equals(i.ovMethod) ? "totp" : "push";
        if (i.ovMethod.equals("push")) {
            device.startPush(numberChallenge);
        } else {
            device.clearPush();
        }
    }

    /** select-enrollment-channel (or an enrollment chosen with its channel): null when accepted. */
    static Problem channel(Interaction i, JsonNode authenticator) {
        String channel = authenticator.path("channel").asText("qrcode");
        if (!CHANNELS.contains(channel)) {
            return CHANNEL_INVALID;
        }
        i.ovChannel = channel;
        i.ovLinkSentTo = null;
        return null;
    }

    /** enrollment-channel-data: the link to the email address or phone number given (SMS messages land in the outbox too). */
    static Problem send(Interaction i, JsonNode req, Outbox outbox, String orgBase, Instant now) {
        boolean email = "email".equals(i.ovChannel);
        String field = email ? "email" : "phoneNumber";
        String to = req.path(field).asText("").trim();
        if (to.isEmpty() || to.length() > 100) {
            return new Problem(400, "This field cannot be left blank", "model.validation.field.blank", true, field);
        }
        String token = i.user.oktaVerify().pendingEnrollmentToken();
        String link = link(orgBase, token == null ? i.user.oktaVerify().startEnrollment() : token);
        outbox.send(to, "Activate Okta Verify", "Hi " + i.user.firstName() + ", open this link on your phone to set up Okta Verify: "
                + link, email ? "okta-verify-link" : "okta-verify-sms", null, link, now);
        i.ovLinkSentTo = to;
        return null;
    }

    /** Resends the link to where it went (challenge/resend, offered once it was sent): false when nothing was sent yet. */
    static boolean resend(Interaction i, Outbox outbox, String orgBase, Instant now) {
        if (i.ovLinkSentTo == null) {
            return false;
        }
        String to = i.ovLinkSentTo;
        JsonNode again = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("email".equals(i.ovChannel) ? "email" : "phoneNumber", to);
        return send(i, again, outbox, orgBase, now) == null;
    }

    /** The enrollment link the QR code, the email and the SMS carry: Okta Verify opens it and enrolls. */
    static String link(String orgBase, String token) {
        return "oktaverify://enroll?s=" + URLEncoder.encode(orgBase, StandardCharsets.UTF_8) + "&t=" + token;
    }

    /**
     * An enroll-poll or challenge-poll: once the phone has enrolled or approved, Okta Verify is done and the transaction
     * moves on; a rejection is Okta's message; else the same state.
     */
    static Problem poll(Interaction i, IdxEngine engine) {
        OktaVerifyDevice device = i.user.oktaVerify();
        boolean push = i.mode == Interaction.Mode.CHALLENGE && "push".equals(i.ovMethod);
        boolean done = i.mode == Interaction.Mode.ENROLL ? device.enrolled()
                : push && device.pushState() == OktaVerifyDevice.PushState.APPROVED;
        if (done) {
            device.clearPush();
            engine.complete(i);
            engine.advance(i);
            return null;
        }
        return rejected(i) ? PUSH_REJECTED : null;
    }

    /** Okta Verify is being verified: choosing it again sends another push, or asks for the code instead. */
    static boolean verifying(Interaction i) {
        return i.offer.kind() == Offer.Kind.CHALLENGE && i.current == io.oiefilter.simulator.org.AuthenticatorKind.OKTA_VERIFY;
    }

    /** A code from the app (challenge-authenticator, credentials.totp): null when accepted. */
    static Problem answer(Interaction i, JsonNode credentials, Instant now) {
        if (i.mode != Interaction.Mode.CHALLENGE || !"totp".equals(i.ovMethod)) {
            return CODE_INVALID;
        }
        return i.user.oktaVerify().checkTotp(credentials.path("totp").asText(""), now) == OrgUser.TotpCheck.VALID ? null : CODE_INVALID;
    }

    /** Whether the push was rejected (the state then offers resend instead of challenge-poll). */
    static boolean rejected(Interaction i) {
        return "push".equals(i.ovMethod) && i.user.oktaVerify().pushState() == OktaVerifyDevice.PushState.REJECTED;
    }
}
