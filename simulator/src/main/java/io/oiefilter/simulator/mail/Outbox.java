package io.oiefilter.simulator.mail;

import io.oiefilter.simulator.org.Org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every email the simulated org "sends", kept for tests and for a person running the demo. */
public final class Outbox {
    private final List<Email> sent = new CopyOnWriteArrayList<>();

    public Email send(String to, String subject, String body, String kind, String code, String link, Instant at) {
        Email e = new Email(Org.newId("eml"), to, subject, body, kind, code, link, at);
        sent.add(e);
        return e;
    }

    public List<Email> all() {
        return List.copyOf(sent);
    }

    public List<Email> to(String address) {
        List<Email> out = new ArrayList<>();
        for (Email e : sent) {
            if (e.to().equalsIgnoreCase(address)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The newest message to that address, if any. */
    public Optional<Email> latest(String address) {
        List<Email> mine = to(address);
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }

    public void clear() {
        sent.clear();
    }
}
