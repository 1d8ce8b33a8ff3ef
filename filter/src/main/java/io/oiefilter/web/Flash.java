package io.oiefilter.web;

import io.oiefilter.flow.OktaText;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the answer to a POST has to say, carried across its redirect (post/redirect/get) and shown
 * once: a reload or the back button then repeats a GET, never the action. Small and Serializable
 * (sessions replicate); it holds message keys, Okta's words about fields and the sign-up form's
 * values, never a password or a code.
 *
 * @param stepId     the page the messages belong to; another page (a second tab moved on) drops them
 * @param errorKey   for an error page: its message; null for a step's page
 * @param status     for an error page: its HTTP status
 * @param formValues values typed into the sign-up form, to fill it again
 */
record Flash(String stepId, List<String> messageKeys, Map<String, List<OktaText>> fieldMessages, Map<String, String> formValues,
             String errorKey, int status, int retryAfter) implements Serializable {
    private static final String ATTRIBUTE = Flash.class.getName();

    Flash {
        messageKeys = new ArrayList<>(messageKeys);
        Map<String, List<OktaText>> fields = new LinkedHashMap<>();
        fieldMessages.forEach((k, v) -> fields.put(k, new ArrayList<>(v)));
        fieldMessages = fields;
        formValues = new LinkedHashMap<>(formValues);
    }

    static Flash page(String stepId, List<String> messageKeys, Map<String, List<OktaText>> fieldMessages, Map<String, String> formValues) {
        return new Flash(stepId, messageKeys, fieldMessages, formValues, null, 0, 0);
    }

    static Flash error(String messageKey, int status, int retryAfter) {
        return new Flash("", List.of(), Map.of(), Map.of(), messageKey, status, retryAfter);
    }

    boolean isError() {
        return errorKey != null;
    }

    void store(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    /** The flash the last POST left, removed: it is shown once. */
    static Flash take(HttpSession session) {
        Object f = session.getAttribute(ATTRIBUTE);
        if (f != null) {
            session.removeAttribute(ATTRIBUTE);
        }
        return f instanceof Flash flash ? flash : null;
    }
}
