package io.oiefilter.flow;

import io.oiefilter.idx.IdxField;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The phone's own step: before a code is sent, Okta asks how (SMS or voice, the methods the org allows) and, to set
 * the phone up, which number (authenticator-enrollment-data; authenticator-verification-data to verify). The code
 * itself then goes through the code page, as an email code does.
 */
final class PhoneSteps {
    static final String ENROLLMENT_DATA = "authenticator-enrollment-data";
    static final String VERIFICATION_DATA = "authenticator-verification-data";
    /** The methods this filter can offer; whatever else Okta may list one day is left out of the page. */
    private static final List<String> KNOWN_METHODS = List.of("sms", "voice");
    /** E.164 has at most 15 digits; with spaces, dashes and parentheses a typed number is shorter than this. */
    static final int MAX_NUMBER_LENGTH = 32;

    private final IdxPort idx;
    private final StepNavigator navigator;

    PhoneSteps(IdxPort idx, StepNavigator navigator) {
        this.idx = idx;
        this.navigator = navigator;
    }

    /** The phone's data step of a state: what it asks for (method, number) and where. */
    static Optional<IdxRemediation> dataStep(IdxStep step) {
        return step.first().filter(r -> r.name().equals(ENROLLMENT_DATA) || r.name().equals(VERIFICATION_DATA));
    }

    /** The methods the data step offers, in Okta's order, among those this filter knows. */
    static List<String> methods(IdxRemediation data) {
        return authenticatorField(data).flatMap(a -> a.nested("methodType")).map(IdxField::choices).orElse(List.of())
                .stream().filter(KNOWN_METHODS::contains).toList();
    }

    /** Whether the data step asks for the phone number (setting the phone up). */
    static boolean asksNumber(IdxRemediation data) {
        return authenticatorField(data).flatMap(a -> a.nested("phoneNumber")).isPresent();
    }

    /** The method chosen (and, setting up, the number typed) sent to Okta, which then sends a code or says why not. */
    FlowResult send(SignInState state, String method, String phoneNumber) {
        Optional<IdxRemediation> data = navigator.viewOf(state) == SignInView.PHONE ? dataStep(navigator.stepOf(state)) : Optional.empty();
        if (data.isEmpty() || data.get().options().isEmpty()) {
            return navigator.page(state, List.of("oie.error.stepRefused"));
        }
        if (method == null || !methods(data.get()).contains(method)) {
            return navigator.page(state, List.of("oie.error.choosePhoneMethod"));
        }
        Map<String, Object> authenticator = new LinkedHashMap<>();
        authenticator.put("id", data.get().options().get(0).authenticatorId());
        authenticator.put("methodType", method);
        if (asksNumber(data.get())) {
            String number = phoneNumber == null ? "" : phoneNumber.strip();
            if (number.isEmpty()) {
                return navigator.page(state, List.of("oie.error.phoneNumberRequired"));
            }
            if (number.length() > MAX_NUMBER_LENGTH) {
                return navigator.page(state, List.of("oie.error.phoneNumberInvalid"));
            }
            authenticator.put("phoneNumber", number);
        }
        String remediation = data.get().name();
        return navigator.call(state, "oie.error.phoneRefused", tx -> idx.proceed(tx, remediation, Map.of("authenticator", authenticator)));
    }

    private static Optional<IdxField> authenticatorField(IdxRemediation data) {
        return data.fields().stream().filter(f -> f.name().equals("authenticator")).findFirst();
    }
}
