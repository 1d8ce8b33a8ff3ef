package io.oiefilter.flow;

import io.oiefilter.activation.AttemptStore;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxField;
import io.oiefilter.idx.IdxMessage;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.log.OieLog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Self-service registration: the org's sign-up form, its values checked, sent, and Okta's refusals placed by field. */
final class SignUpSteps {
    private static final OieLog LOG = OieLog.of(SignUpSteps.class);

    private final IdxPort idx;
    private final StepNavigator navigator;
    private final AttemptStore attempts;
    private final OieConfig config;

    SignUpSteps(IdxPort idx, StepNavigator navigator, AttemptStore attempts, OieConfig config) {
        this.idx = idx;
        this.navigator = navigator;
        this.attempts = attempts;
        this.config = config;
    }

    /** The sign-up form, when the org offers it and sign-up is not switched off. */
    FlowResult signUp(SignInState state) {
        if (!config.signUpEnabled() || navigator.stepOf(state).remediation("select-enroll-profile").isEmpty()) {
            return navigator.page(state, List.of("oie.error.signUpUnavailable"));
        }
        SignInState s;
        try {
            s = navigator.begun(state);
        } catch (IdxException e) {
            return OktaFailures.page("begin", e);
        }
        if (s.transaction().step().remediation("select-enroll-profile").isEmpty()) {
            return navigator.page(s, List.of("oie.error.signUpUnavailable")); // the org changed its policy since
        }
        return navigator.call(s.withPurpose(SignInState.Purpose.SIGN_UP), "oie.error.stepRefused", idx::selectEnrollProfile);
    }

    /**
     * "I already have an account": back to the sign-in form through Okta's own select-identify, in the
     * same transaction; a new first page where Okta does not offer it.
     */
    FlowResult identifyInstead(SignInState state) {
        if (!state.begun() || state.transaction().step().remediation("select-identify").isEmpty()) {
            return navigator.start();
        }
        return navigator.call(state.withPurpose(SignInState.Purpose.SIGN_IN).withIdentifier(null), "oie.error.stepRefused",
                idx::selectIdentify);
    }

    /** The sign-up form's values: required ones are checked here, the rest by Okta. */
    FlowResult register(SignInState state, Map<String, String> values, String clientAddress) {
        Optional<IdxRemediation> form = state.begun() ? state.transaction().step().remediation("enroll-profile") : Optional.empty();
        if (form.isEmpty() || !config.signUpEnabled()) {
            return navigator.page(state, List.of("oie.error.signUpUnavailable"));
        }
        if (attempts.hit("signup:" + clientAddress, Duration.ofHours(1)) > config.signUpMaxPerAddress()) {
            LOG.info("oie-filter: sign-up throttled for {0}", clientAddress);
            return navigator.page(state, List.of("oie.error.signUpThrottled"));
        }
        Map<String, String> profile = new LinkedHashMap<>();
        for (IdxField f : profileFields(form.get())) {
            String v = values.getOrDefault(f.name(), "").trim();
            if (v.isEmpty() && f.required()) {
                return navigator.page(state, List.of("oie.error.signUpFieldsRequired"));
            }
            if (!v.isEmpty()) {
                profile.put(f.name(), v);
            }
        }
        String email = profile.getOrDefault("email", "");
        if (!config.signUpEmailDomains().isEmpty() && config.signUpEmailDomains().stream()
                .noneMatch(d -> email.toLowerCase(Locale.ROOT).endsWith("@" + d))) {
            LOG.info("oie-filter: sign-up refused for {0}: sign-up is open to {1} only", email, config.signUpEmailDomains());
            return navigator.page(state, List.of("oie.error.signUpDomain"));
        }
        SignInState s = state.withIdentifier(profile.get("email"));
        IdxTransaction tx = s.transaction();
        try {
            return navigator.next(s, tx, idx.enrollProfile(tx, profile));
        } catch (IdxException e) {
            if (e.kind() != IdxException.Kind.REJECTED) {
                return navigator.refused(s, e, "oie.error.signUpRejected");
            }
            SignInState current = e.current() != null ? s.with(tx.withStep(e.current())) : s;
            Map<String, List<OktaText>> byField = messagesByField(e.messages(), profileFields(form.get()));
            // Okta's words next to the fields they are about; ours only when it named none.
            return new FlowResult.Page(current, navigator.viewOf(current),
                    byField.isEmpty() ? List.of("oie.error.signUpRejected") : List.of(), byField);
        }
    }

    /**
     * Where Okta's answer says which field a message is on, there; otherwise (okta-idx-java 2.0.0 keeps
     * the text of Okta's field errors but not their field) by the field's label, as Okta names it
     * ("'Email' must be…", "A user with this Email…"). Each text once.
     */
    static Map<String, List<OktaText>> messagesByField(List<IdxMessage> messages, List<IdxField> fields) {
        Map<String, List<OktaText>> out = new LinkedHashMap<>();
        for (IdxMessage m : messages) {
            if (m.text() != null && m.field() != null && fields.stream().anyMatch(f -> f.name().equals(m.field()))) {
                addOnce(out, m.field(), m); // Okta said which field
                continue;
            }
            String text = m.text() == null ? "" : m.text().toLowerCase(Locale.ROOT);
            fields.stream().filter(f -> f.label() != null && !f.label().isBlank()
                            && text.contains(f.label().toLowerCase(Locale.ROOT)))
                    .max(Comparator.comparingInt(f -> f.label().length())) // "Email" in "Secondary email" loses
                    .ifPresent(f -> addOnce(out, f.name(), m));
        }
        return out;
    }

    /** Okta's message about a field, once however many times its answer repeats it. */
    static void addOnce(Map<String, List<OktaText>> out, String field, IdxMessage message) {
        List<OktaText> texts = out.computeIfAbsent(field, k -> new ArrayList<>());
        OktaText text = OktaText.of(message);
        if (!texts.contains(text)) {
            texts.add(text);
        }
    }

    /** The attributes an enroll-profile form asks for (the fields of its userProfile object). */
    static List<IdxField> profileFields(IdxRemediation enrollProfile) {
        return enrollProfile.fields().stream().filter(f -> f.name().equals("userProfile")).findFirst()
                .map(IdxField::form).orElse(List.of());
    }
}
