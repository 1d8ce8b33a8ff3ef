package io.oiefilter.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two JSON documents by structure: the same keys at every level, the same value types,
 * the same remediation and field names (array items with a "name" are paired by it). Values
 * themselves (ids, handles, hosts, times) may differ.
 */
final class ShapeComparison {
    private ShapeComparison() {
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (!type(expected).equals(type(actual))) {
            out.add(path + ": expected " + type(expected) + " but was " + type(actual));
            return;
        }
        if (expected.isObject()) {
            Set<String> e = names(expected.fieldNames());
            Set<String> a = names(actual.fieldNames());
            for (String k : e) {
                if (!a.contains(k)) {
                    out.add(path + ": missing key '" + k + "'");
                } else {
                    compare(path + "." + k, expected.get(k), actual.get(k), out);
                }
            }
            for (String k : a) {
                if (!e.contains(k)) {
                    out.add(path + ": unexpected key '" + k + "'");
                }
            }
            if (expected.has("name") && expected.get("name").isTextual() && !path.endsWith(".value")
                    && !expected.get("name").asText().equals(actual.path("name").asText())
                    && (expected.has("href") || expected.has("required") || expected.has("label"))) {
                out.add(path + ": name '" + actual.path("name").asText() + "' where '" + expected.get("name").asText() + "' was recorded");
            }
        } else if (expected.isArray()) {
            compareArrays(path, expected, actual, out);
        }
    }

    private static void compareArrays(String path, JsonNode expected, JsonNode actual, List<String> out) {
        boolean named = expected.size() > 0 && expected.get(0).isObject() && expected.get(0).has("name");
        if (named) {
            for (JsonNode e : expected) {
                String name = e.path("name").asText();
                JsonNode match = null;
                for (JsonNode a : actual) {
                    if (name.equals(a.path("name").asText())) {
                        match = a;
                        break;
                    }
                }
                if (match == null) {
                    out.add(path + ": no item named '" + name + "'");
                } else {
                    compare(path + "[" + name + "]", e, match, out);
                }
            }
            for (JsonNode a : actual) {
                String name = a.path("name").asText();
                boolean recorded = false;
                for (JsonNode e : expected) {
                    recorded |= name.equals(e.path("name").asText());
                }
                if (!recorded) {
                    out.add(path + ": unrecorded item named '" + name + "'");
                }
            }
        } else if (expected.size() > 0) {
            if (actual.size() == 0) {
                out.add(path + ": empty where items were recorded");
            }
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", expected.get(Math.min(i, expected.size() - 1)), actual.get(i), out);
            }
        }
    }

    private static Set<String> names(Iterator<String> it) {
        Set<String> s = new TreeSet<>();
        it.forEachRemaining(s::add);
        return s;
    }

    private static String type(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "missing";
        }
        if (n.isNumber()) {
            return "number";
        }
        return n.getNodeType().name().toLowerCase();
    }
}
