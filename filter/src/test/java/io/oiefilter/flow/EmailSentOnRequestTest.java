package io.oiefilter.flow;

import io.oiefilter.config.ConfigSource;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.idx.okta.RecordedSteps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An org whose email authenticator waits to be asked before it sends a code (Okta's
 * authenticator-verification-data or authenticator-enrollment-data for email, as the widget's recordings
 * show): the filter asks for the code at once, as a person would have to, and shows the code page.
 */
class EmailSentOnRequestTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "authenticator-verification-data-email.json, authenticator-verification-data, authenticator-verification-email.json",
            "authenticator-enroll-email-first.json, authenticator-enrollment-data, authenticator-enroll-email.json",
    })
    void theCodeIsAskedForAtOnceThenItsPageShown(String dataStep, String remediation, String codeStep) throws Exception {
        sentAtOnce(dataStep, remediation, "email", codeStep, SignInView.CODE);
    }

    /** Okta Verify asked how (its push or its code): the push, whose page offers the code instead. */
    @org.junit.jupiter.api.Test
    void oktaVerifyStartsWithThePush() throws Exception {
        sentAtOnce("authenticator-verification-data-okta-verify-push-autoChallenge-off.json", "authenticator-verification-data", "push",
                "authenticator-verification-okta-verify-push.json", SignInView.OKTA_VERIFY);
    }

    /** Should Okta answer with the same "how to send" step again, the filter asks once, not in a loop. */
    @org.junit.jupiter.api.Test
    void theSameStepAgainIsAskedOnce() throws Exception {
        sentAtOnce("authenticator-verification-data-email.json", "authenticator-verification-data", "email",
                "authenticator-verification-data-email.json", SignInView.UNSUPPORTED);
    }

    private static void sentAtOnce(String dataStep, String remediation, String method, String codeStep, SignInView codeView)
            throws Exception {
        IdxStep data = RecordedSteps.widget(dataStep);
        IdxStep code = RecordedSteps.widget(codeStep);
        List<Object> proceeded = new ArrayList<>();
        IdxPort idx = (IdxPort) Proxy.newProxyInstance(IdxPort.class.getClassLoader(), new Class<?>[] {IdxPort.class}, (p, m, args) ->
                switch (m.getName()) {
                    case "begin" -> new IdxTransaction("h", "v", "c", "s", "n", data);
                    case "proceed" -> {
                        proceeded.add(List.of(args[1], args[2]));
                        yield code;
                    }
                    case "close", "toString", "hashCode" -> m.getName().equals("hashCode") ? 0 : null;
                    default -> throw new AssertionError("not expected: " + m.getName());
                });
        OieConfig config = OieConfig.resolve(List.of(ConfigSource.named(Map.of(
                OieConfig.ISSUER, "https://example.okta.com/oauth2/default", OieConfig.CLIENT_ID, "0oa123",
                OieConfig.CLIENT_SECRET, "s3cr3t-value", OieConfig.REDIRECT_URI, "https://app.example.com/callback")::get, k -> k)));
        try (SignInFlow flow = new SignInFlow(idx, null, config)) {
            FlowResult.Page page = FlowPages.page(flow.start(), codeView);
            String id = data.first().orElseThrow().options().get(0).authenticatorId();
            assertEquals(List.of(List.of(remediation, Map.of("authenticator", Map.of("id", id, "methodType", method)))), proceeded,
                    "asked Okta once to send, by " + method);
            assertEquals(codeView, page.view());
        }
    }
}
