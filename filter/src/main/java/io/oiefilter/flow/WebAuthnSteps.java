package io.oiefilter.flow;

import io.oiefilter.idx.IdxPort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WebAuthn answered: what the browser's navigator.credentials returned, posted as Okta's form asks. Setting up,
 * enroll-authenticator's credentials {clientData, attestation}; verifying, challenge-authenticator's
 * {clientData, authenticatorData, signatureData}; all base64url, as the browser gave them. Which of the two is the
 * step's, never the form's: a form cannot make an enrollment out of a challenge.
 */
final class WebAuthnSteps {
    static final List<String> ENROLL_FIELDS = List.of("clientData", "attestation");
    static final List<String> CHALLENGE_FIELDS = List.of("clientData", "authenticatorData", "signatureData");
    private static final java.util.regex.Pattern BASE64URL = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+={0,2}");

    private final IdxPort idx;
    private final StepNavigator navigator;

    WebAuthnSteps(IdxPort idx, StepNavigator navigator) {
        this.idx = idx;
        this.navigator = navigator;
    }

    FlowResult answer(SignInState state, Map<String, String> posted) {
        if (navigator.viewOf(state) != SignInView.WEBAUTHN) {
            return navigator.page(state, List.of("oie.error.stepRefused"));
        }
        boolean enrolling = navigator.stepOf(state).remediation("enroll-authenticator").isPresent();
        List<String> fields = enrolling ? ENROLL_FIELDS : CHALLENGE_FIELDS;
        Map<String, Object> credentials = new LinkedHashMap<>();
        for (String f : fields) {
            String v = posted.get(f);
            if (v == null || !BASE64URL.matcher(v).matches()) {
                // No WebAuthn in the browser, or the person cancelled and sent the form anyway: nothing to post to Okta.
                return navigator.page(state, List.of("oie.error.webAuthnMissing"));
            }
            credentials.put(f, v);
        }
        String remediation = enrolling ? "enroll-authenticator" : "challenge-authenticator";
        return navigator.call(state, enrolling ? "oie.error.webAuthnEnrollRejected" : "oie.error.webAuthnRejected",
                tx -> idx.proceed(tx, remediation, Map.of("credentials", credentials)));
    }
}
