package io.oiefilter.simulator.mail;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every code the simulated org "sends" to a phone, by SMS or voice call, kept for tests and for a person running
 * the demo (the person's phone, as the email outbox is their mailbox). The number is kept masked as Okta shows
 * it: whoever reads the outbox learns which enrollment got the code, never the number.
 */
public final class PhoneOutbox {
    /** One code sent. {@code method} is "sms" or "voice". */
    public record PhoneMessage(String userId, String maskedNumber, String method, String code, Instant sentAt) {
        @Override
        public String toString() {
            return "PhoneMessage{" + method + " to " + maskedNumber + "}"; // the code is a credential
        }
    }

    private final List<PhoneMessage> sent = new CopyOnWriteArrayList<>();

    public void send(String userId, String maskedNumber, String method, String code, Instant at) {
        sent.add(new PhoneMessage(userId, maskedNumber, method, code, at));
    }

    /** The codes sent for a user, oldest first. */
    public List<PhoneMessage> to(String userId) {
        return sent.stream().filter(m -> m.userId().equals(userId)).toList();
    }

    public List<PhoneMessage> all() {
        return List.copyOf(sent);
    }

    public void clear() {
        sent.clear();
    }
}
