package io.oiefilter.flow;

import java.io.Serializable;
import java.util.List;

/**
 * What a page of the sign-in shows, in the filter's own words: no IDX type, no remediation name.
 * The web layer and an app's own JSPs read this; how Okta's answer became it is the flow's business,
 * so a later SDK or a new authenticator changes nothing here.
 *
 * @param view              which page
 * @param purpose           what the person set out to do (a code page reads differently for each)
 * @param newPassword       on the new-password page: a first password, a reset or an expired one; else null
 * @param passwordOnSignIn  the sign-in form asks for the password too (one-step policy)
 * @param canRecover        "Forgot password?" can be offered
 * @param enrolling         an authenticator is being set up, not verified
 * @param skippable         what is asked may be skipped
 * @param choices           the authenticators to choose from (select or unlock pages)
 * @param rules             the password rules, where a password is being set (null otherwise or unknown)
 * @param profileFields     the sign-up form's fields, as the org's profile policy asks
 * @param rememberMeOffered "Keep me signed in" is on the sign-in form
 * @param unlockAvailable   "Unlock account?" can be offered
 * @param signUpAvailable   "Create an account" can be offered
 * @param sentTo            where a code went, as Okta masks it; null when Okta does not say
 * @param oktaMessages      Okta's own words about a state that only has something to say (translated where known)
 * @param offeredSteps      on the page for a step the filter does not handle: what Okta offered (for the administrator)
 * @param resendWaitSeconds how long until a new code may be asked for; 0 when it may be now
 * @param authenticatorKey  which authenticator the page is about ("google_otp"...), or null
 * @param sharedSecret      an authenticator app's secret while it is set up (QR code, manual entry); else null
 * @param question          the security question to answer; else null
 * @param questions         the security questions to choose from when one is set up; else empty
 * @param phone             on a phone's pages: the methods to choose from, whether the number is asked, how a code went; else null
 * @param webAuthnOptions   on the WebAuthn page: the options for navigator.credentials, as JSON (Okta's own, bounded); else null
 * @param oktaVerify        on the Okta Verify page: its QR code, push, number or code; else null
 */
public record PageContent(SignInView view, SignInState.Purpose purpose, NewPassword newPassword, boolean passwordOnSignIn,
                          boolean canRecover, boolean enrolling, boolean skippable, List<Choice> choices, Rules rules,
                          List<Field> profileFields, boolean rememberMeOffered, boolean unlockAvailable, boolean signUpAvailable,
                          String sentTo, List<OktaText> oktaMessages, List<String> offeredSteps, long resendWaitSeconds,
                          String authenticatorKey, String sharedSecret, String question, List<Question> questions,
                          Phone phone, String webAuthnOptions, OktaVerifyPage oktaVerify)
        implements Serializable {

    public PageContent {
        choices = List.copyOf(choices);
        profileFields = List.copyOf(profileFields);
        oktaMessages = List.copyOf(oktaMessages);
        offeredSteps = List.copyOf(offeredSteps);
        questions = List.copyOf(questions);
    }

    /**
     * The phone's part of a page.
     *
     * @param methods    on its page: the methods to choose from ("sms", "voice"), as the org allows
     * @param asksNumber on its page: the number is asked (the phone is being set up)
     * @param sentBy     on the code page: the method the code went by ("sms" or "voice"), else null
     */
    public record Phone(List<String> methods, boolean asksNumber, String sentBy) implements Serializable {
        public Phone {
            methods = List.copyOf(methods);
        }
    }

    /** A security question to choose: its key (to post) and its words. */
    public record Question(String key, String text) implements Serializable {
    }

    /** Which new password: the first one (enrollment, activation), a reset, or a change of an expired one. */
    public enum NewPassword { SET_UP, RESET, EXPIRED }

    /**
     * An authenticator to choose: the id to post back; its type ("password", "email"...) and key
     * ("google_otp"...) for its label ({@link #labelKey()}); for one of an authenticator's methods (Okta Verify's push
     * or code), that method, else null.
     */
    public record Choice(String authenticatorId, String type, String key, String method) implements Serializable {
        public Choice(String authenticatorId, String type, String key) {
            this(authenticatorId, type, key, null);
        }

        /** The part of the message key naming it: the authenticator's key where it has a page of its own, else its type; then the method. */
        public String labelKey() {
            String name = key != null && AuthenticatorViews.knownKey(key) ? key : type;
            return method == null ? name : name + "." + method;
        }

        /** What to post as {@code authenticator}: the id, or {@code id:method} for one of its methods. */
        public String value() {
            return method == null ? authenticatorId : authenticatorId + ":" + method;
        }
    }

    /** A sign-up field: the name to post, its label as the org words it, whether it must be filled. */
    public record Field(String name, String label, boolean required) implements Serializable {
    }

    /** The password rules to show. */
    public record Rules(int minLength, int minLowerCase, int minUpperCase, int minNumber, int minSymbol, boolean excludeUsername)
            implements Serializable {
    }

    /** A page with no sign-in behind it (an error, signed out). */
    public static PageContent none(SignInView view) {
        return new PageContent(view, SignInState.Purpose.SIGN_IN, null, false, false, false, false, List.of(), null, List.of(),
                false, false, false, null, List.of(), List.of(), 0, null, null, null, List.of(), null, null, null);
    }
}
