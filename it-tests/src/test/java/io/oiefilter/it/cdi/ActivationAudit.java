package io.oiefilter.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A CDI bean of the application's own, injected into its activation strategy. */
@ApplicationScoped
public class ActivationAudit {
    private final List<String> logins = new CopyOnWriteArrayList<>();

    public void record(String login) {
        logins.add(login);
    }

    public List<String> logins() {
        return logins;
    }
}
