package io.oiefilter.flow;

import io.oiefilter.idx.IdxMessage;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxVerify;

import java.io.Serializable;

/**
 * What the Okta Verify page shows, in the filter's words.
 *
 * @param stage         where the person is: scanning the QR code, giving an address for the link, waiting for the phone
 *                      after the link went, waiting for the push, the push rejected, or typing the code
 * @param enrollLink    the link the QR code is drawn from (SCAN), else null
 * @param channel       "qrcode", "email" or "sms" while setting up, else null
 * @param linkSentTo    where the link went (LINK_SENT), else null
 * @param number        the number to choose on the phone (the number challenge), else null
 * @param refreshMillis how long Okta asks a poll to wait: the page checks again after it
 * @param oktaMessage   Okta's words about a rejected push, else null
 */
public record OktaVerifyPage(Stage stage, String enrollLink, String channel, String linkSentTo, Integer number, long refreshMillis,
                             String oktaMessage) implements Serializable {

    public enum Stage { SCAN, ASK_ADDRESS, LINK_SENT, PUSH, PUSH_REJECTED, CODE }

    /** Waiting for the phone: the page checks again by itself (script) or by its button. */
    public boolean polling() {
        return stage == Stage.SCAN || stage == Stage.LINK_SENT || stage == Stage.PUSH;
    }

    /** Read from an Okta Verify step; null when the step is not one. */
    static OktaVerifyPage of(IdxStep step) {
        IdxVerify v = step.current() == null ? null : step.current().verify();
        String first = step.first().map(r -> r.name()).orElse("");
        if (v == null) {
            return null;
        }
        Stage stage = switch (first) {
            case "enroll-poll" -> "qrcode".equals(v.channel()) ? Stage.SCAN : Stage.LINK_SENT;
            case "enrollment-channel-data" -> Stage.ASK_ADDRESS;
            case "challenge-poll" -> Stage.PUSH;
            case "resend" -> Stage.PUSH_REJECTED;
            default -> Stage.CODE;
        };
        String message = stage == Stage.PUSH_REJECTED ? step.messages().stream().map(IdxMessage::text).findFirst().orElse(null) : null;
        return new OktaVerifyPage(stage, stage == Stage.SCAN ? v.enrollLink() : null, v.channel(), stage == Stage.LINK_SENT ? v.linkSentTo() : null,
                stage == Stage.PUSH ? v.correctAnswer() : null, v.refreshMillis(), message);
    }
}
