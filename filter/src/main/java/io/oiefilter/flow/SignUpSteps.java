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
        return navigator.call(s, "oie.error.stepRefused", idx::selectEnrollProfile);
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
        SignInState s = state.withIdentifier(profile.get("email"));
        IdxTransaction tx = s.transaction();
        try {
            return navigator.next(s, tx, idx.enrollProfile(tx, profile));
        } catch (IdxException e) {
            if (e.kind() != IdxException.Kind.REJECTED) {
                return navigator.refused(s, e, "oie.error.signUpRejected");
            }
            SignInState current = e.current() != null ? s.with(tx.withStep(e.current())) : s;
            return new FlowResult.Page(current, navigator.viewOf(current), List.of("oie.error.signUpRejected"),
                    messagesByField(e.messages(), profileFields(form.get())));
        }
    }

    /**
     * okta-idx-java 2.0.0 keeps the text of Okta's field errors but not which field they were on;
     * Okta names the field by its label ("'Email' must be…", "A user with this Email…").
     */
    static Map<String, List<String>> messagesByField(List<IdxMessage> messages, List<IdxField> fields) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (IdxMessage m : messages) {
            String text = m.text() == null ? "" : m.text().toLowerCase(Locale.ROOT);
            fields.stream().filter(f -> f.label() != null && !f.label().isBlank()
                            && text.contains(f.label().toLowerCase(Locale.ROOT)))
                    .max(Comparator.comparingInt(f -> f.label().length())) // "Email" in "Secondary email" loses
                    .ifPresent(f -> out.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(m.text()));
        }
        return out;
    }

    /** The attributes an enroll-profile form asks for (the fields of its userProfile object). */
    static List<IdxField> profileFields(IdxRemediation enrollProfile) {
        return enrollProfile.fields().stream().filter(f -> f.name().equals("userProfile")).findFirst()
                .map(IdxField::form).orElse(List.of());
    }
}
