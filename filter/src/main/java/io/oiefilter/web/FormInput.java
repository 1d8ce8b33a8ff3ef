package io.oiefilter.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a form posted to the filter, read once and bounded. A body over the filter's limit
 * is refused before the container parses it (whose own limit would otherwise be a 500 with its
 * exception's name); a field over its size, an unknown encoding or a container that cannot parse
 * the body is a clear 4xx; the CSRF token is taken from the body only, never from the query string
 * (where logs, proxies and Referer headers keep it). Nothing large reaches the flow or the session.
 */
final class FormInput {
    /** The largest form the filter's pages send is a few hundred bytes; sign-up with custom attributes, a few KB. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_FIELDS = 64;
    /** Sizes per field: Okta's logins are at most 100 characters, its passwords far less than 256. */
    static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("identifier", 256), Map.entry("password", 256), Map.entry("confirmPassword", 256), Map.entry("passcode", 256),
            Map.entry("authenticator", 64), Map.entry("step", 64), Map.entry(CsrfTokens.PARAMETER, 64),
            // WebAuthn, base64url: an attestation with its certificates is a few KB, an assertion a few hundred bytes.
            Map.entry("clientData", 4096), Map.entry("attestation", 16384), Map.entry("authenticatorData", 2048),
            Map.entry("signatureData", 2048));
    /** What a WebAuthn page posts (the browser's answer, base64url). */
    static final java.util.List<String> WEBAUTHN_FIELDS = java.util.List.of("clientData", "attestation", "authenticatorData", "signatureData");
    /** Anything else the sign-up form asks for (profile attributes). */
    static final int MAX_OTHER_FIELD = 1024;
    /** Fields that name a person or an attribute: no control characters (they have no business there, and end up in logs). */
    private static final List<String> PRINTABLE = List.of("identifier", "authenticator", "step", CsrfTokens.PARAMETER);

    /** Why a form was refused; {@code status} is 400 or 413. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }

    private final Map<String, String> values;

    private FormInput(Map<String, String> values) {
        this.values = values;
    }

    static FormInput read(HttpServletRequest req) throws Refused {
        long length = req.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            discard(req, length);
            throw new Refused(413, "a form of " + length + " bytes");
        }
        String query = req.getQueryString();
        if (query != null && (query.contains(CsrfTokens.PARAMETER + "=") || query.contains("%5Fcsrf") || query.contains("%5fcsrf"))) {
            throw new Refused(400, "a CSRF token in the query string");
        }
        Map<String, String[]> all;
        try {
            all = req.getParameterMap();
        } catch (RuntimeException e) { // the container's limit, or a body it cannot parse
            throw new Refused(e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("too large") ? 413 : 400,
                    "a form the container could not read: " + e.getClass().getSimpleName());
        }
        if (all.size() > MAX_FIELDS) {
            throw new Refused(400, all.size() + " fields");
        }
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String[]> e : all.entrySet()) {
            String name = e.getKey();
            String[] v = e.getValue();
            if (v == null || v.length == 0) {
                continue;
            }
            if (v.length > 1) {
                throw new Refused(400, "field " + name + " sent " + v.length + " times");
            }
            int max = LIMITS.getOrDefault(name, MAX_OTHER_FIELD);
            if (name.length() > 128 || v[0].length() > max) {
                throw new Refused(400, "field " + name + " is longer than " + max);
            }
            if (PRINTABLE.contains(name) && hasControlCharacter(v[0])) {
                throw new Refused(400, "field " + name + " has control characters");
            }
            out.put(name, v[0]);
        }
        return new FormInput(Collections.unmodifiableMap(out));
    }

    /** Longer bodies are not read at all: the connection is closed after the answer instead. */
    static final long MAX_DISCARDED_BYTES = 4L * 1024 * 1024;

    /**
     * Reads and drops a refused body, so that a client still sending it gets the answer on a clean
     * connection; past a bound, the connection is closed rather than read.
     */
    private static void discard(HttpServletRequest req, long length) {
        if (length > MAX_DISCARDED_BYTES) {
            return; // the caller's answer says Connection: close
        }
        try (java.io.InputStream in = req.getInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            long left = length;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
                left -= n;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // nothing to keep; the refusal stands
        }
    }

    String get(String name) {
        return values.get(name);
    }

    /** These fields' values, those present only. */
    Map<String, String> values(java.util.List<String> names) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        names.forEach(n -> {
            if (values.get(n) != null) {
                out.put(n, values.get(n));
            }
        });
        return out;
    }

    char[] chars(String name) {
        String v = values.get(name);
        return v == null ? null : v.toCharArray();
    }

    private static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                return true;
            }
        }
        return false;
    }
}
