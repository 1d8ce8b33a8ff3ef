package io.oiefilter.simulator.hosted;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.oiefilter.simulator.oauth.Html.escape;

/**
 * Renders an IDX state as the hosted sign-in page: server-side HTML, no script. Every form of the state becomes an
 * HTML form posting back to the page with the sign-in's CSRF token; what needs a script on Okta's page (WebAuthn,
 * Okta Verify's push and polling, identity providers) is named as not available here.
 */
final class StatePage {
    /** Forms that only a script can answer (polling, platform authenticators, redirects to identity providers). */
    private static final Set<String> SCRIPT_ONLY = Set.of("enroll-poll", "challenge-poll", "device-challenge-poll",
            "redirect-idp", "launch-authenticator", "cancel-polling", "cancel-transaction");
    private static final Set<String> SCRIPT_AUTHENTICATORS = Set.of("webauthn");
    /** The widget's texts for the i18n keys whose server message it does not show. */
    private static final Map<String, String> WIDGET_TEXTS = Map.of("errors.E0000004", "Unable to sign in");

    private StatePage() {
    }

    static String render(String action, String csrfToken, String appLabel, JsonNode state, JsonNode notice, String loginHint,
                         String startOver) {
        StringBuilder html = new StringBuilder(4096).append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(appLabel)).append(" - Sign In</title><style>")
                .append("body{font-family:sans-serif;background:#f4f4f4}main{max-width:26em;margin:3em auto;background:#fff;")
                .append("padding:1.5em 2em;border:1px solid #ddd}label{display:block;margin:.6em 0}input[type=text],")
                .append("input[type=password]{width:100%;box-sizing:border-box;padding:.4em}.error{color:#b00}")
                .append("form{margin:1em 0}fieldset{border:0;padding:0}button{padding:.4em 1em}</style></head><body><main>")
                .append("<h1>Sign In</h1><p class=\"app\">to ").append(escape(appLabel)).append("</p>");
        messages(notice == null ? state : notice, html);
        JsonNode current = current(state);
        boolean scriptOnly = current != null && SCRIPT_AUTHENTICATORS.contains(current.path("key").asText());
        context(current, html);
        Map<String, JsonNode> forms = StateForms.of(state);
        boolean unavailable = scriptOnly || forms.keySet().stream().anyMatch(SCRIPT_ONLY::contains);
        if (unavailable) {
            html.append("<p class=\"error\" id=\"not-available\">").append(escape(current == null ? "This step"
                    : current.path("displayName").asText("This authenticator"))).append(" is not available on the simulator's hosted page "
                    + "(it needs a script). Choose another method or go back to sign in.</p>");
        }
        if (state.has("successWithInteractionCode")) {
            html.append("<p>Signed in.</p>");
        }
        for (Map.Entry<String, JsonNode> f : forms.entrySet()) {
            String name = f.getKey();
            boolean authenticatorStep = name.equals("challenge-authenticator") || name.equals("enroll-authenticator") || name.equals("resend");
            boolean firstPage = name.equals("cancel") && forms.containsKey("identify"); // nothing to go back to
            if (SCRIPT_ONLY.contains(name) || (scriptOnly && authenticatorStep) || firstPage) {
                continue;
            }
            form(action, csrfToken, name, f.getValue(), current, loginHint, html);
        }
        if (forms.isEmpty() && !state.has("successWithInteractionCode")) {
            html.append("<p><a id=\"start-over\" href=\"").append(escape(startOver)).append("\">Back to sign in</a></p>");
        }
        return html.append("</main></body></html>").toString();
    }

    /** The authenticator being verified or enrolled, if any. */
    private static JsonNode current(JsonNode state) {
        for (String holder : List.of("currentAuthenticatorEnrollment", "currentAuthenticator")) {
            JsonNode v = state.path(holder).path("value");
            if (v.isObject()) {
                return v;
            }
        }
        return null;
    }

    private static void messages(JsonNode holder, StringBuilder html) {
        for (JsonNode m : holder.path("messages").path("value")) {
            String text = WIDGET_TEXTS.getOrDefault(m.path("i18n").path("key").asText(), m.path("message").asText());
            html.append("<p class=\"").append("ERROR".equals(m.path("class").asText()) ? "error" : "info")
                    .append("\" role=\"alert\">").append(escape(text)).append("</p>");
        }
    }

    /** What the person needs to answer the step: where the code went, the question, the key to add to an app. */
    private static void context(JsonNode current, StringBuilder html) {
        if (current == null) {
            return;
        }
        JsonNode profile = current.path("profile");
        JsonNode data = current.path("contextualData");
        if (profile.hasNonNull("email")) {
            html.append("<p class=\"info\">A verification code was sent to <b>").append(escape(profile.get("email").asText()))
                    .append("</b> (the simulator keeps it in its <a href=\"/admin/outbox.html\">outbox</a>).</p>");
        } else if (profile.hasNonNull("phoneNumber")) {
            html.append("<p class=\"info\">Phone: <b>").append(escape(profile.get("phoneNumber").asText())).append("</b></p>");
        }
        if (data.path("enrolledQuestion").hasNonNull("question")) {
            html.append("<p class=\"info\" id=\"question\">").append(escape(data.path("enrolledQuestion").get("question").asText())).append("</p>");
        }
        if (data.hasNonNull("sharedSecret")) {
            html.append("<p class=\"info\">Add this key to your authenticator app: <code id=\"shared-secret\">")
                    .append(escape(data.get("sharedSecret").asText())).append("</code></p>");
        }
        JsonNode qr = data.path("qrcode").path("href");
        if (qr.isTextual() && qr.asText().startsWith("data:image/png;base64,")) {
            html.append("<p><img alt=\"QR code\" width=\"200\" height=\"200\" src=\"").append(escape(qr.asText())).append("\"></p>");
        }
    }

    private static void form(String action, String csrfToken, String name, JsonNode form, JsonNode current, String loginHint,
                             StringBuilder html) {
        String title = title(name, current);
        html.append("<form method=\"post\" action=\"").append(escape(action)).append("\" data-se=\"").append(escape(name)).append("\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(escape(csrfToken)).append("\">")
                .append("<input type=\"hidden\" name=\"_form\" value=\"").append(escape(name)).append("\">");
        if (title != null) {
            html.append("<h2>").append(escape(title)).append("</h2>");
        }
        fields(form.path("value"), "", name.equals("identify") ? loginHint : null, html);
        html.append("<button type=\"submit\">").append(escape(button(name))).append("</button></form>");
    }

    private static void fields(JsonNode fields, String prefix, String loginHint, StringBuilder html) {
        for (JsonNode f : fields) {
            String name = f.path("name").asText();
            String path = prefix + name;
            String label = f.path("label").asText(name);
            if (name.equals("stateHandle") || (StateForms.fixed(f) && !f.has("options"))) {
                continue;
            }
            if (f.has("form")) {
                html.append("<fieldset>");
                fields(f.path("form").path("value"), path + ".", loginHint, html);
                html.append("</fieldset>");
            } else if (f.has("options")) {
                html.append("<fieldset><legend>").append(escape(label)).append("</legend>");
                JsonNode options = f.get("options");
                for (int i = 0; i < options.size(); i++) {
                    JsonNode o = options.get(i);
                    html.append("<label><input type=\"radio\" name=\"").append(escape(path)).append("\" value=\"").append(i).append('"')
                            .append(i == 0 ? " checked" : "").append("> ").append(escape(o.path("label").asText())).append("</label>");
                    JsonNode nested = o.path("value").path("form").path("value");
                    if (nested.isArray()) {
                        fields(nested, path + "." + i + ".", loginHint, html);
                    }
                }
                html.append("</fieldset>");
            } else if ("boolean".equals(f.path("type").asText())) {
                html.append("<label><input type=\"checkbox\" name=\"").append(escape(path)).append("\" value=\"true\"> ")
                        .append(escape(label)).append("</label>");
            } else {
                boolean secret = f.path("secret").asBoolean(false);
                String value = name.equals("identifier") && loginHint != null ? loginHint : f.path("value").asText("");
                html.append("<label>").append(escape(label)).append(" <input type=\"").append(secret ? "password" : "text")
                        .append("\" name=\"").append(escape(path)).append("\" value=\"").append(escape(value)).append('"')
                        .append(secret ? " autocomplete=\"current-password\"" : name.equals("identifier") ? " autocomplete=\"username\"" : "")
                        .append("></label>");
            }
            for (JsonNode m : f.path("messages").path("value")) {
                html.append("<p class=\"error\" role=\"alert\">").append(escape(m.path("message").asText())).append("</p>");
            }
        }
    }

    private static String title(String name, JsonNode current) {
        String authenticator = current == null ? "" : current.path("displayName").asText("");
        return switch (name) {
            case "identify" -> "Sign in";
            case "identify-recovery" -> "Reset your password";
            case "enroll-profile" -> "Sign up";
            case "select-authenticator-authenticate" -> "Verify it's you with a security method";
            case "select-authenticator-enroll" -> "Set up security methods";
            case "select-authenticator-unlock-account" -> "Unlock account";
            case "challenge-authenticator", "authenticator-verification-data" -> "Verify with " + authenticator;
            case "enroll-authenticator", "authenticator-enrollment-data" -> "Set up " + authenticator;
            case "reset-authenticator" -> "Reset your password";
            case "reenroll-authenticator" -> "Your password has expired";
            default -> null;
        };
    }

    private static String button(String name) {
        return switch (name) {
            case "identify", "identify-recovery", "select-authenticator-unlock-account" -> "Next";
            case "challenge-authenticator", "enroll-authenticator" -> "Verify";
            case "select-authenticator-authenticate", "select-authenticator-enroll" -> "Select";
            case "enroll-profile" -> "Sign Up";
            case "select-enroll-profile" -> "Sign up";
            case "select-identify", "cancel" -> "Back to sign in";
            case "unlock-account" -> "Unlock account?";
            case "recover" -> "Forgot password?";
            case "resend" -> "Resend code";
            case "skip" -> "Set up later";
            case "reset-authenticator" -> "Reset Password";
            case "reenroll-authenticator" -> "Change Password";
            default -> "Next";
        };
    }
}
