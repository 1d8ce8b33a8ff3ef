package io.oiefilter.idx.okta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which authenticator ("google_otp", "okta_verify"...) an option or an id is: okta-idx-java 2.0.0's
 * model drops it, the raw body has it.
 */
final class AuthenticatorKeys {
    private AuthenticatorKeys() {
    }

    /** Which authenticator each id is ("google_otp"...): 2.0.0's model of an option drops it; the raw body has it. */
    static Map<String, String> byId(Map<String, Object> raw) {
        Map<String, String> keys = new HashMap<>();
        for (String list : List.of("authenticatorEnrollments", "authenticators")) {
            Map<?, ?> holder = IdxStates.path(raw, list);
            if (holder != null && holder.get("value") instanceof List<?> values) {
                for (Object v : values) {
                    if (v instanceof Map<?, ?> a && a.get("id") instanceof String id && a.get("key") instanceof String key) {
                        keys.putIfAbsent(id, key);
                    }
                }
            }
        }
        return keys;
    }

    /**
     * The keys of a remediation's authenticator options, in order, from each option's {@code relatesTo}
     * ("$.authenticators.value[5]"): the link Okta gives, where ids alone may not tell.
     */
    static List<String> ofOptions(Map<String, Object> raw, String remediation) {
        List<String> out = new ArrayList<>();
        Map<?, ?> list = IdxStates.path(raw, "remediation");
        if (list == null || !(list.get("value") instanceof List<?> remediations)) {
            return out;
        }
        for (Object r : remediations) {
            if (r instanceof Map<?, ?> rm && remediation.equals(rm.get("name")) && rm.get("value") instanceof List<?> fields) {
                for (Object f : fields) {
                    if (f instanceof Map<?, ?> fm && "authenticator".equals(fm.get("name")) && fm.get("options") instanceof List<?> options) {
                        options.forEach(o -> out.add(o instanceof Map<?, ?> om ? related(raw, om.get("relatesTo")) : null));
                    }
                }
            }
        }
        return out;
    }

    private static String related(Map<String, Object> raw, Object relatesTo) {
        java.util.regex.Matcher m = relatesTo instanceof String s
                ? java.util.regex.Pattern.compile("\\$\\.(\\w+)\\.value\\[(\\d+)]").matcher(s) : null;
        if (m == null || !m.matches()) {
            return null;
        }
        Map<?, ?> holder = IdxStates.path(raw, m.group(1));
        if (holder != null && holder.get("value") instanceof List<?> values && Integer.parseInt(m.group(2)) < values.size()
                && values.get(Integer.parseInt(m.group(2))) instanceof Map<?, ?> a && a.get("key") instanceof String key) {
            return key;
        }
        return null;
    }
}
