package io.oiefilter.it;

import io.oiefilter.simulator.mail.Email;

/**
 * The simulator's outbox as a test reads it: after a failed identify the filter answers at once and
 * has Okta send the activation code from the background, so a test waits (boundedly) for the email.
 */
final class Outbox {
    private Outbox() {
    }

    /** The latest email to {@code address}, waiting up to 10 s for it. */
    static Email latest(String address) throws InterruptedException {
        return awaitCount(address, 1);
    }

    /** Waits up to 10 s until {@code address} has {@code count} emails; the latest of them. */
    static Email awaitCount(String address, int count) throws InterruptedException {
        var outbox = SimulatorExtension.simulator().outbox();
        for (int i = 0; i < 200 && outbox.to(address).size() < count; i++) {
            Thread.sleep(50);
        }
        if (outbox.to(address).size() < count) {
            throw new AssertionError(count + " email(s) to " + address + " expected, " + outbox.to(address).size() + " arrived");
        }
        return outbox.latest(address).orElseThrow();
    }

    static String code(String address) throws InterruptedException {
        return latest(address).code();
    }
}
