package io.oiefilter.simulator.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forms (Ion remediations) of an IDX state, and the JSON body a submitted HTML form stands for. HTML fields are
 * named by their Ion path ("credentials.passcode"); an option is chosen by its index ("authenticator" = "1") and
 * its own fields are named under it ("authenticator.1.methodType"). Values the state fixes (ids, the stateHandle)
 * are taken from the state, never from the browser.
 */
final class StateForms {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateForms() {
    }

    /** Every form of the state by name: its remediations, then the authenticator's resend and recover, then cancel. */
    static Map<String, JsonNode> of(JsonNode state) {
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        for (JsonNode r : state.path("remediation").path("value")) {
            forms.putIfAbsent(r.path("name").asText(), r);
        }
        for (String holder : List.of("currentAuthenticatorEnrollment", "currentAuthenticator")) {
            for (String action : List.of("resend", "recover")) {
                JsonNode f = state.path(holder).path("value").path(action);
                if (f.isObject()) {
                    forms.putIfAbsent(action, f);
                }
            }
        }
        if (state.path("cancel").isObject()) {
            forms.putIfAbsent("cancel", state.get("cancel"));
        }
        return forms;
    }

    /** The JSON an IDX client would post for this form, from the HTML form's parameters. */
    static ObjectNode body(JsonNode form, Map<String, String> params, String stateHandle) {
        return build(form.path("value"), "", params, stateHandle);
    }

    private static ObjectNode build(JsonNode fields, String prefix, Map<String, String> params, String stateHandle) {
        ObjectNode out = JSON.createObjectNode();
        for (JsonNode f : fields) {
            String name = f.path("name").asText();
            String path = prefix + name;
            if (name.equals("stateHandle")) {
                out.put(name, stateHandle);
            } else if (f.has("form")) {
                ObjectNode child = build(f.path("form").path("value"), path + ".", params, stateHandle);
                if (!child.isEmpty()) {
                    out.set(name, child);
                }
            } else if (f.has("options")) {
                JsonNode chosen = chosenOption(f, params.get(path));
                if (chosen == null) {
                    continue;
                }
                JsonNode value = chosen.path("value");
                if (value.isObject() && value.has("form")) {
                    int index = indexOf(f.get("options"), chosen);
                    out.set(name, build(value.path("form").path("value"), path + "." + index + ".", params, stateHandle));
                } else {
                    out.set(name, value);
                }
            } else if (fixed(f)) {
                out.set(name, f.get("value"));
            } else if ("boolean".equals(f.path("type").asText())) {
                out.put(name, "true".equals(params.get(path)));
            } else if (params.containsKey(path)) {
                out.put(name, params.get(path));
            }
        }
        return out;
    }

    /** A value the state sets and the person cannot change (an authenticator id, a fixed method type). */
    static boolean fixed(JsonNode field) {
        return field.has("value") && (!field.path("mutable").asBoolean(true) || !field.path("visible").asBoolean(true));
    }

    private static JsonNode chosenOption(JsonNode field, String index) {
        JsonNode options = field.get("options");
        if (index == null) {
            return options.size() == 1 ? options.get(0) : null;
        }
        try {
            int i = Integer.parseInt(index);
            return i >= 0 && i < options.size() ? options.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int indexOf(JsonNode options, JsonNode option) {
        List<JsonNode> all = new ArrayList<>();
        options.forEach(all::add);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == option) {
                return i;
            }
        }
        return -1;
    }
}
