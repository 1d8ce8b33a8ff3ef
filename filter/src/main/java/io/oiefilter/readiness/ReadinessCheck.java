package io.oiefilter.readiness;

/** One thing the configured org must get right before anyone can sign in. Never throws: a failure is a result. */
interface ReadinessCheck {
    /** A short stable name, the JSON's key: discovery, interact, management-api, email-enrollment. */
    String name();

    CheckResult run();
}
