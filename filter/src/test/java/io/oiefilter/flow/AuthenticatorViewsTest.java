package io.oiefilter.flow;

import io.oiefilter.idx.IdxOption;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticatorViewsTest {

    @Test
    void aKeyWinsOverATypeAndAnUnknownOneHasNoPage() {
        assertEquals(SignInView.OTP, AuthenticatorViews.of("google_otp", "app").orElseThrow().challenge());
        assertEquals(SignInView.NEW_PASSWORD, AuthenticatorViews.of("okta_password", "password").orElseThrow().enroll());
        assertEquals(SignInView.CODE, AuthenticatorViews.of(null, "email").orElseThrow().challenge());
        assertTrue(AuthenticatorViews.of("some_new_thing", "app").isEmpty());
        assertTrue(AuthenticatorViews.of(null, null).isEmpty());
    }

    @Test
    void aChoiceIsSupportedByItsKeyOrType() {
        assertTrue(AuthenticatorViews.supports(option("email", "okta_email")));
        assertTrue(AuthenticatorViews.supports(option("otp", "google_otp")));
        assertFalse(AuthenticatorViews.supports(option("otp", "custom_otp")));
        assertFalse(AuthenticatorViews.knownKey("okta_email"));
    }

    private static IdxOption option(String type, String key) {
        return new IdxOption("aut1", type, "label", key);
    }
}
