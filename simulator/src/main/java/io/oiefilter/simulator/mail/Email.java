package io.oiefilter.simulator.mail;

import java.time.Instant;

/**
 * A message the org would have sent.
 *
 * @param kind  what it is for: "otp" (an IDX email code), "factor-challenge" (a code sent by the
 *              Factors API's email factor challenge), "activation" (an activation link)
 * @param code  the one-time code, for kinds "otp" and "factor-challenge"
 * @param link  the activation link, for kind "activation"
 */
public record Email(String id, String to, String subject, String body, String kind, String code, String link, Instant sentAt) {
}
