package io.oiefilter.idx.okta;

import com.okta.idx.sdk.api.model.FormValue;
import com.okta.idx.sdk.api.model.Options;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The choices of an authenticator with several methods (the phone's sms and voice): the methods it lists, and the
 * values a form field offers (methodType's options). Bounded, as everything of Okta's that reaches the session.
 */
final class MethodChoices {
    private static final int MAX_CHOICES = 10;

    private MethodChoices() {
    }

    /** The types of an authenticator's methods ("sms", "voice"), from its raw JSON value. */
    static List<String> methods(Map<?, ?> value) {
        List<String> out = new ArrayList<>();
        if (value != null && value.get("methods") instanceof List<?> methods) {
            for (Object m : methods) {
                if (out.size() < MAX_CHOICES && m instanceof Map<?, ?> mm && mm.get("type") instanceof String t) {
                    out.add(IdxStates.bounded(t, IdxStates.MAX_KEY));
                }
            }
        }
        return out;
    }

    /** The plain values a field offers (a phone's methodType options); an authenticator's options are not these. */
    static List<String> choices(FormValue v) {
        List<String> out = new ArrayList<>();
        if (v.options() != null) {
            for (Options o : v.options()) {
                if (out.size() < MAX_CHOICES && o != null && o.getValue() instanceof String s) {
                    out.add(IdxStates.bounded(s, IdxStates.MAX_KEY));
                }
            }
        }
        return out;
    }
}
