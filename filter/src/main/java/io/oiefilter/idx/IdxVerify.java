package io.oiefilter.idx;

import java.io.Serializable;

/**
 * What a step of Okta Verify says besides the usual (Okta sends these only for Okta Verify), bounded.
 *
 * @param authenticatorId Okta Verify's id, to choose it again (resend the push, the code instead, another channel)
 * @param method          the method being verified: "push" or "totp"; null while enrolling
 * @param correctAnswer   the number to choose on the phone (the number challenge), else null
 * @param enrollLink      the enrollment link the QR code carries (read back from Okta's image), else null
 * @param channel         how the enrollment link goes: "qrcode", "email" or "sms"; null when verifying
 * @param linkSentTo      where the link went (the address or number the person gave), else null
 * @param refreshMillis   how long Okta asks a poll to wait (its remediation's refresh)
 * @param pushRejected    the push was rejected: Okta offers to send another
 */
public record IdxVerify(String authenticatorId, String method, Integer correctAnswer, String enrollLink, String channel, String linkSentTo,
                        long refreshMillis, boolean pushRejected) implements Serializable {
    @Override
    public String toString() {
        // The link enrolls a phone and the address is the person's: neither goes to a log.
        return "IdxVerify{" + method + ", " + channel + ", rejected=" + pushRejected + "}";
    }
}
