package io.oiefilter.simulator;

import io.oiefilter.simulator.SimulatorClient.Answer;
import io.oiefilter.simulator.org.OrgApp;
import io.oiefilter.simulator.org.SignOnMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.oiefilter.simulator.Fixtures.assertShape;
import static io.oiefilter.simulator.SimulatorClient.ION;

/** Cancel, the sign-up form's way back (select-identify) and its refusals, against recorded responses. */
class ConformanceRestartTest extends SimulatorTestBase {

    private static OrgApp app() {
        return sim.org().app(SimulatorClient.CLIENT_ID).orElseThrow();
    }

    @AfterEach
    void demoPolicies() {
        app().signOnMode(SignOnMode.IDENTIFIER_FIRST);
        app().selfServiceRegistration(true);
        sim.org().selfServiceUnlock(true);
    }

    private static String sh(Answer a) {
        return a.body().get("stateHandle").asText();
    }

    /** An org with neither sign-up nor self-service unlock, as okta-idx-java's recording. */
    @Test
    void cancelIdentifierFirst() throws Exception {
        app().selfServiceRegistration(false);
        sim.org().selfServiceUnlock(false);
        Answer password = client.identify(sh(client.introspect(client.interact())), "alice@example.com", null);
        assertShape("okta-idx-java/api/src/test/resources/cancel-response.json", client.idx("cancel", sh(password), ""), 200, ION);
    }

    /** The widget's recording: one-step, sign-up and unlock enabled (and Okta Verify, which this org has not). */
    @Test
    void cancelOneStepWithSignUpAndUnlock() throws Exception {
        app().signOnMode(SignOnMode.ONE_STEP);
        Answer form = client.idx("enroll", sh(client.introspect(client.interact())), "");
        assertShape("okta-signin-widget/src/v3/src/mocks/response/idp/idx/cancel/default.json", client.idx("cancel", sh(form), ""),
                200, ION);
    }

    @Test
    void selectIdentifyAnswersTheIdentifyState() throws Exception {
        app().signOnMode(SignOnMode.ONE_STEP);
        Answer form = client.idx("enroll", sh(client.introspect(client.interact())), "");
        // The widget replays its identify/select mock; its cancel mock is the same identify state, and is stored here.
        assertShape("okta-signin-widget/src/v3/src/mocks/response/idp/idx/cancel/default.json",
                client.idx("identify/select", sh(form), ""), 200, ION);
    }

    @Test
    void signUpFormOffersSelectIdentify() throws Exception {
        Answer form = client.idx("enroll", sh(client.introspect(client.interact())), "");
        assertShape("okta-idx-java/api/src/test/resources/enroll-user-response.json", form, 200, ION);
    }

    @Test
    void refusedSignUpStillOffersSelectIdentify() throws Exception {
        Answer form = client.idx("enroll", sh(client.introspect(client.interact())), "");
        Answer refused = client.idx("enroll/new", sh(form),
                "\"userProfile\":{\"firstName\":\"Sue\",\"lastName\":\"Up\",\"email\":\"not-an-email\"}");
        assertShape("okta-idx-android/okta-idx-kotlin/src/test/resources/dto/field_error.json", refused, 400, ION);
    }
}
