package io.oiefilter.flow;

import io.oiefilter.idx.IdxTransaction;

/**
 * What the background work after a failed identify came to: an activation whose code is on its
 * way (its IDX transaction, and the proof when Okta's IDX does not send the code), or none.
 */
record ActivationStart(IdxTransaction transaction, EmailProof proof) {
    static final ActivationStart NONE = new ActivationStart(null, null);

    boolean started() {
        return transaction != null;
    }

    @Override
    public String toString() {
        return started() ? "ActivationStart{started}" : "ActivationStart{none}";
    }
}
