package io.oiefilter.simulator.mail;

import java.time.Instant;

/**
 * A message the org would have sent.
 *
 * @param kind  what it is for: "otp" (an email code), "activation" (an activation link)
 * @param code  the one-time code, for kind "otp"
 * @param link  the activation link, for kind "activation"
 */
public record Email(String id, String to, String subject, String body, String kind, String code, String link, Instant sentAt) {
}
