package io.oiefilter.idx.okta;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.okta.idx.sdk.api.exception.ProcessingException;
import com.okta.idx.sdk.api.model.CurrentAuthenticatorEnrollment;
import com.okta.idx.sdk.api.model.FormValue;
import com.okta.idx.sdk.api.model.MessageValue;
import com.okta.idx.sdk.api.model.Options;
import com.okta.idx.sdk.api.model.OptionsForm;
import com.okta.idx.sdk.api.model.RemediationOption;
import com.okta.idx.sdk.api.response.ErrorResponse;
import com.okta.idx.sdk.api.response.IDXResponse;
import io.oiefilter.idx.IdxAuthenticator;
import io.oiefilter.idx.IdxQuestion;
import io.oiefilter.idx.IdxField;
import io.oiefilter.idx.IdxMessage;
import io.oiefilter.idx.IdxOption;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.PasswordRules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Maps okta-idx-java 2.0.0's model of an IDX state to ours, adding from the raw body what 2.0.0
 * drops: {@code expiresAt}, the enrolled authenticators and the password rules.
 */
final class IdxStates {
    /**
     * Okta's words go to pages and into the session (the sign-in state, the next page's messages):
     * only so many, only so long, whatever an answer holds.
     */
    private static final int MAX_MESSAGES = 20;
    private static final int MAX_TEXT = 500;
    private static final int MAX_PARAMS = 4;
    static final int MAX_KEY = 100;
    private static final int MAX_QUESTIONS = 50;

    private IdxStates() {
    }

    static IdxStep toStep(IDXResponse r, byte[] rawBody) {
        Map<String, Object> raw = parse(rawBody);
        Map<String, String> keys = AuthenticatorKeys.byId(raw);
        List<IdxRemediation> remediations = new ArrayList<>();
        if (r.remediation() != null && r.remediation().remediationOptions() != null) {
            for (RemediationOption o : r.remediation().remediationOptions()) {
                remediations.add(new IdxRemediation(o.getName(), o.getHref(), fields(o.form()),
                        options(o.form(), keys, AuthenticatorKeys.ofOptions(raw, o.getName()))));
            }
        }
        String code = null;
        String tokenUrl = null;
        if (r.isLoginSuccessful() && r.successWithInteractionCode() != null) {
            tokenUrl = r.successWithInteractionCode().getHref();
            code = Arrays.stream(r.successWithInteractionCode().form())
                    .filter(f -> "interaction_code".equals(f.getName()) && f.getValue() != null)
                    .map(f -> String.valueOf(f.getValue())).findFirst().orElse(null);
        }
        return new IdxStep(r.getStateHandle(), remediations, current(r, raw), code, tokenUrl, expiresAt(raw), enrolledTypes(raw),
                topMessages(raw));
    }

    /**
     * The state a refused step's answer carries: where the transaction stands after the refusal. Its messages are
     * the refusal's, which the exception carries ({@link #messages(ProcessingException, byte[])}), not the state's.
     */
    static IdxStep refusedStep(IDXResponse r, byte[] rawBody) {
        IdxStep s = toStep(r, rawBody);
        return new IdxStep(s.stateHandle(), s.remediations(), s.current(), s.interactionCode(), s.tokenUrl(), s.expiresAt(),
                s.enrolledTypes(), List.of());
    }

    /**
     * Okta's messages about a refused step: from the raw body when it can be read (2.0.0 drops the
     * i18n keys and the messages on fields, such as why a new password was refused), else the SDK's.
     */
    static List<IdxMessage> messages(ProcessingException e, byte[] rawBody) {
        Map<String, Object> raw = parse(rawBody);
        List<IdxMessage> out = new ArrayList<>(topMessages(raw));
        fieldMessages(raw.get("remediation"), null, out);
        return out.isEmpty() ? messages(e) : out;
    }

    private static List<IdxMessage> topMessages(Map<String, Object> raw) {
        List<IdxMessage> out = new ArrayList<>();
        addMessages(raw.get("messages"), null, out);
        return out;
    }

    /** Walks the remediation forms for messages on fields (credentials.passcode, userProfile.email...). */
    private static void fieldMessages(Object node, String field, List<IdxMessage> out) {
        if (node instanceof Map<?, ?> m) {
            String name = m.get("name") instanceof String n ? n : field;
            if (m.get("messages") != null && name != null) {
                addMessages(m.get("messages"), name, out);
            }
            m.forEach((k, v) -> {
                if (!"messages".equals(k)) {
                    fieldMessages(v, name, out);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> fieldMessages(v, field, out));
        }
    }

    private static void addMessages(Object messages, String field, List<IdxMessage> out) {
        if (messages instanceof Map<?, ?> m && m.get("value") instanceof List<?> values) {
            for (Object v : values) {
                if (out.size() < MAX_MESSAGES && v instanceof Map<?, ?> msg && msg.get("message") instanceof String text) {
                    Map<?, ?> i18n = msg.get("i18n") instanceof Map<?, ?> i ? i : Map.of();
                    out.add(new IdxMessage(bounded(text, MAX_TEXT), i18n.get("key") instanceof String k ? bounded(k, MAX_KEY) : null,
                            msg.get("class") instanceof String c ? bounded(c, MAX_KEY) : null, field, params(i18n.get("params"))));
                }
            }
        }
    }

    /** An i18n key's params as text (Okta sends numbers as numbers: {@code [4]}), a few and each bounded. */
    private static List<String> params(Object params) {
        List<String> out = new ArrayList<>();
        if (params instanceof List<?> values) {
            for (Object v : values) {
                if (out.size() < MAX_PARAMS && (v instanceof String || v instanceof Number)) {
                    out.add(bounded(String.valueOf(v), MAX_TEXT));
                }
            }
        }
        return out;
    }

    static String bounded(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static List<IdxMessage> messages(ProcessingException e) {
        ErrorResponse er = e.getErrorResponse();
        if (er == null || er.getMessages() == null || er.getMessages().getValue() == null) {
            return List.of();
        }
        List<IdxMessage> out = new ArrayList<>();
        for (MessageValue m : er.getMessages().getValue()) {
            out.add(new IdxMessage(m.getMessage(), null, m.getValue())); // 2.0.0 drops the i18n key
        }
        return out;
    }

    private static IdxAuthenticator current(IDXResponse r, Map<String, Object> raw) {
        CurrentAuthenticatorEnrollment c = r.getCurrentAuthenticatorEnrollment() != null
                && r.getCurrentAuthenticatorEnrollment().getValue() != null
                ? r.getCurrentAuthenticatorEnrollment() : r.getCurrentAuthenticator();
        if (c == null || c.getValue() == null) {
            return null;
        }
        var v = c.getValue();
        PasswordRules rules = "password".equals(v.getType()) ? passwordRules(raw) : null;
        Map<?, ?> value = path(raw, c == r.getCurrentAuthenticator() ? "currentAuthenticator" : "currentAuthenticatorEnrollment", "value");
        Map<?, ?> context = value == null ? null : (value.get("contextualData") instanceof Map<?, ?> m ? m : null);
        return new IdxAuthenticator(v.getType(), v.getResend() == null ? null : v.getResend().getHref(),
                v.getRecover() == null ? null : v.getRecover().getHref(), rules, sentTo(raw),
                value != null && value.get("key") instanceof String k ? k : null,
                context != null && context.get("sharedSecret") instanceof String secret && secret.matches("[A-Z2-7=]{1,128}")
                        ? secret : null, // base32, or it is not drawn
                context != null ? question(context.get("enrolledQuestion")) : null,
                context != null && context.get("questions") instanceof List<?> qs
                        ? qs.stream().map(IdxStates::question).filter(java.util.Objects::nonNull).limit(MAX_QUESTIONS).toList()
                        : List.of(),
                MethodChoices.methods(value), WebAuthnOptions.of(raw, value, context),
                "okta_verify".equals(value == null ? null : value.get("key")) ? OktaVerifyStates.read(raw, value) : null);
    }

    private static IdxQuestion question(Object q) {
        return q instanceof Map<?, ?> m && m.get("questionKey") instanceof String key && m.get("question") instanceof String text
                ? new IdxQuestion(bounded(key, MAX_KEY), bounded(text, MAX_TEXT)) : null;
    }

    /** Where the code went, as Okta shows it: the masked address of the current enrollment. */
    private static String sentTo(Map<String, Object> raw) {
        for (String holder : List.of("currentAuthenticatorEnrollment", "currentAuthenticator")) {
            Map<?, ?> profile = path(raw, holder, "value", "profile");
            if (profile != null) {
                Object to = profile.get("email") != null ? profile.get("email") : profile.get("phoneNumber");
                if (to instanceof String s && !s.isBlank()) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The authenticators a select-authenticator-* form offers: id, method type and label. */
    private static List<IdxOption> options(FormValue[] form, Map<String, String> keys, List<String> keysInOrder) {
        List<IdxOption> out = new ArrayList<>();
        if (form == null) {
            return out;
        }
        for (FormValue f : form) {
            if ("authenticator".equals(f.getName()) && (f.options() == null || f.options().length == 0) && f.form() != null && f.form().getValue() != null) {
                // A data step (authenticator-enrollment-data, -verification-data): the one authenticator its form is about.
                Arrays.stream(f.form().getValue()).filter(v -> "id".equals(v.getName()) && v.getValue() != null).findFirst()
                        .ifPresent(v -> out.add(new IdxOption(String.valueOf(v.getValue()), null, f.getLabel(),
                                keys.get(String.valueOf(v.getValue())))));
            }
            if (!"authenticator".equals(f.getName()) || f.options() == null) {
                continue;
            }
            int index = -1;
            for (Options o : f.options()) {
                index++;
                if (!(o.getValue() instanceof OptionsForm of) || of.getForm() == null || of.getForm().getValue() == null) {
                    continue;
                }
                String id = null;
                String type = null;
                List<String> methods = new ArrayList<>();
                for (FormValue v : of.getForm().getValue()) {
                    if ("id".equals(v.getName()) && v.getValue() != null) {
                        id = String.valueOf(v.getValue());
                    } else if ("methodType".equals(v.getName()) && v.getValue() != null) {
                        type = String.valueOf(v.getValue());
                    } else if ("methodType".equals(v.getName()) && v.options() != null) { // a choice (Okta Verify's)
                        Arrays.stream(v.options()).map(m -> String.valueOf(m.getValue())).filter(m -> m.length() <= MAX_KEY).limit(10)
                                .forEach(methods::add);
                    }
                }
                if (id != null) {
                    String key = index < keysInOrder.size() && keysInOrder.get(index) != null ? keysInOrder.get(index) : keys.get(id);
                    out.add(new IdxOption(id, type, o.getLabel(), key, methods));
                }
            }
        }
        return out;
    }

    private static List<IdxField> fields(FormValue[] values) {
        List<IdxField> out = new ArrayList<>();
        if (values != null) {
            for (FormValue v : values) {
                List<IdxField> nested = v.form() == null ? List.of() : fields(v.form().getValue());
                out.add(new IdxField(v.getName(), v.getLabel(), v.isRequired(), v.secret, nested, MethodChoices.choices(v)));
            }
        }
        return out;
    }

    // --- what 2.0.0 drops, read from the raw body ---

    /** The messages of a state as its raw body has them, with their i18n keys (which 2.0.0 drops). */
    static List<IdxMessage> messages(byte[] rawBody) {
        return topMessages(parse(rawBody));
    }

    private static Map<String, Object> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Map.of();
        }
        try {
            return JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
        } catch (java.text.ParseException | RuntimeException e) {
            return Map.of(); // the SDK read it; what we add is optional
        }
    }

    private static Instant expiresAt(Map<String, Object> raw) {
        if (raw.get("expiresAt") instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> enrolledTypes(Map<String, Object> raw) {
        List<String> out = new ArrayList<>();
        if (raw.get("authenticatorEnrollments") instanceof Map<?, ?> enrollments && enrollments.get("value") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("type") instanceof String type) {
                    out.add(type);
                }
            }
        }
        return out;
    }

    /** The password authenticator's complexity, where a password is being set. */
    private static PasswordRules passwordRules(Map<String, Object> raw) {
        for (String holder : List.of("currentAuthenticator", "currentAuthenticatorEnrollment")) {
            Map<?, ?> c = path(raw, holder, "value", "settings", "complexity");
            if (c != null) {
                return new PasswordRules(number(c, "minLength"), number(c, "minLowerCase"), number(c, "minUpperCase"),
                        number(c, "minNumber"), number(c, "minSymbol"), Boolean.TRUE.equals(c.get("excludeUsername")));
            }
        }
        return null;
    }

    static Map<?, ?> path(Map<String, Object> json, String... keys) {
        Object node = json;
        for (String k : keys) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(k);
        }
        return node instanceof Map<?, ?> m ? m : null;
    }

    private static int number(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.intValue() : 0;
    }
}
