package io.oiefilter.idx;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Where an IDX transaction stands, in our own small Serializable form (the SDK's ProceedContext
 * is neither small nor Serializable).
 *
 * @param stateHandle            the handle the next step must send
 * @param remediations           what Okta offers next, in Okta's order
 * @param currentAuthenticator   type of the authenticator being challenged or enrolled ("password", "email"), or null
 * @param interactionCode        set once the transaction succeeded
 * @param tokenUrl               where the interaction code is exchanged, once it succeeded
 */
public record IdxStep(String stateHandle, List<IdxRemediation> remediations, String currentAuthenticator,
                      String interactionCode, String tokenUrl) implements Serializable {

    public IdxStep {
        remediations = remediations == null ? List.of() : List.copyOf(remediations);
    }

    public boolean succeeded() {
        return interactionCode != null;
    }

    public Optional<IdxRemediation> remediation(String name) {
        return remediations.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<String> remediationNames() {
        return remediations.stream().map(IdxRemediation::name).toList();
    }

    @Override
    public String toString() {
        // The state handle and interaction code are bearer values: keep them out of logs.
        return "IdxStep{remediations=" + remediationNames() + ", currentAuthenticator=" + currentAuthenticator
                + ", succeeded=" + succeeded() + "}";
    }
}
