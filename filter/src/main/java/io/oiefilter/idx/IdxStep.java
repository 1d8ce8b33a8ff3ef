package io.oiefilter.idx;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where an IDX transaction stands, in our own small Serializable form (the SDK's ProceedContext
 * is neither small nor Serializable).
 *
 * @param stateHandle            the handle the next step must send
 * @param remediations           what Okta offers next, in Okta's order
 * @param current                the authenticator being challenged, enrolled or reset, or null
 * @param interactionCode        set once the transaction succeeded
 * @param tokenUrl               where the interaction code is exchanged, once it succeeded
 * @param expiresAt              when Okta forgets the transaction, when it said so (null when unknown)
 * @param enrolledTypes          the types of the authenticators the user has enrolled, as far as Okta tells
 * @param messages               what Okta says about the state itself (a terminal "account unlocked", say)
 */
public record IdxStep(String stateHandle, List<IdxRemediation> remediations, IdxAuthenticator current,
                      String interactionCode, String tokenUrl, Instant expiresAt, List<String> enrolledTypes,
                      List<IdxMessage> messages)
        implements Serializable {

    public IdxStep {
        remediations = remediations == null ? List.of() : List.copyOf(remediations);
        enrolledTypes = enrolledTypes == null ? List.of() : List.copyOf(enrolledTypes);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public IdxStep(String stateHandle, List<IdxRemediation> remediations, IdxAuthenticator current,
                   String interactionCode, String tokenUrl, Instant expiresAt, List<String> enrolledTypes) {
        this(stateHandle, remediations, current, interactionCode, tokenUrl, expiresAt, enrolledTypes, List.of());
    }

    public boolean succeeded() {
        return interactionCode != null;
    }

    public Optional<IdxRemediation> remediation(String name) {
        return remediations.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The type of the current authenticator ("password", "email"), or null. */
    public String currentType() {
        return current == null ? null : current.type();
    }

    /** The first remediation: the step Okta leads with. */
    public Optional<IdxRemediation> first() {
        return remediations.stream().findFirst();
    }

    public List<String> remediationNames() {
        return remediations.stream().map(IdxRemediation::name).toList();
    }

    @Override
    public String toString() {
        // The state handle and interaction code are bearer values: keep them out of logs.
        return "IdxStep{remediations=" + remediationNames() + ", current=" + currentType()
                + ", succeeded=" + succeeded() + "}";
    }
}
