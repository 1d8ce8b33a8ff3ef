package io.oiefilter.web;

import io.oiefilter.idx.IdxField;
import io.oiefilter.idx.IdxOption;
import io.oiefilter.idx.PasswordRules;

import java.util.List;
import java.util.Map;

/**
 * What the filter's JSPs read, as request attribute {@code oie}. Getters only (EL 5 reads bean
 * properties, not record components). Every value is escaped by the JSPs on output.
 */
public final class SignInPageModel {
    private final String view;
    private final List<String> messageKeys;
    private final String identifier;
    private final String csrfToken;
    private final String actionBase;
    private final String stepId;
    private final Details details;
    private final Map<String, List<String>> fieldMessages;

    /** Step details beyond the messages; {@link #forError} for the error pages. */
    record Details(boolean passwordOnSignIn, boolean recovering, boolean canRecover, boolean enrolling, boolean skippable,
                   List<IdxOption> options, PasswordRules rules, long resendWaitSeconds, int retryAfterSeconds,
                   List<String> remediationNames, boolean signUpAvailable, List<IdxField> profileFields) {
        /** An error page has no step: only how long to wait, when Okta said so. */
        static Details forError(int retryAfterSeconds) {
            return new Details(false, false, false, false, false, List.of(), null, 0, retryAfterSeconds, List.of(), false,
                    List.of());
        }
    }

    SignInPageModel(String view, List<String> messageKeys, String identifier, String csrfToken, String actionBase,
                    String stepId, Details details, Map<String, List<String>> fieldMessages) {
        this.view = view;
        this.messageKeys = List.copyOf(messageKeys);
        this.identifier = identifier;
        this.csrfToken = csrfToken;
        this.actionBase = actionBase;
        this.stepId = stepId;
        this.details = details;
        this.fieldMessages = Map.copyOf(fieldMessages);
    }

    public String getView() { return view; }
    public List<String> getMessageKeys() { return messageKeys; }
    /** The identifier the person typed, to show back (escaped). */
    public String getIdentifier() { return identifier; }
    public String getCsrfParameter() { return CsrfTokens.PARAMETER; }
    public String getCsrfToken() { return csrfToken; }
    /** Identifies the step a form was rendered for, so a form from an older page is recognised. */
    public String getStepId() { return stepId; }
    /** One-step policy: the sign-in page asks for the password too. */
    public boolean isPasswordOnSignIn() { return details.passwordOnSignIn(); }
    /** The identify page of a password recovery. */
    public boolean isRecovering() { return details.recovering(); }
    /** "Forgot password?" can be offered. */
    public boolean isCanRecover() { return details.canRecover(); }
    /** An authenticator is being enrolled (not verified). */
    public boolean isEnrolling() { return details.enrolling(); }
    public boolean isSkippable() { return details.skippable(); }
    public List<IdxOption> getOptions() { return details.options(); }
    public PasswordRules getPasswordRules() { return details.rules(); }
    public long getResendWaitSeconds() { return details.resendWaitSeconds(); }
    public int getRetryAfterSeconds() { return details.retryAfterSeconds(); }
    public List<String> getRemediationNames() { return details.remediationNames(); }
    /** The org lets people sign up and the app has not switched it off. */
    public boolean isSignUpAvailable() { return details.signUpAvailable(); }
    /** The sign-up form's fields (name, label, required), as the org's profile policy asks. */
    public List<IdxField> getProfileFields() { return details.profileFields(); }
    /** Okta's messages about sign-up fields, by field name (escaped on output). */
    public Map<String, List<String>> getFieldMessages() { return fieldMessages; }
    public String getSignUpUrl() { return actionBase + SignInEndpoints.SIGN_UP; }
    public String getRegisterUrl() { return actionBase + SignInEndpoints.REGISTER; }
    public String getSignInUrl() { return actionBase + SignInEndpoints.SIGN_IN; }
    public String getIdentifyUrl() { return actionBase + SignInEndpoints.IDENTIFY; }
    public String getAnswerUrl() { return actionBase + SignInEndpoints.ANSWER; }
    public String getNewPasswordUrl() { return actionBase + SignInEndpoints.NEW_PASSWORD; }
    public String getSelectUrl() { return actionBase + SignInEndpoints.SELECT; }
    public String getResendUrl() { return actionBase + SignInEndpoints.RESEND; }
    public String getSkipUrl() { return actionBase + SignInEndpoints.SKIP; }
    public String getForgotPasswordUrl() { return actionBase + SignInEndpoints.FORGOT_PASSWORD; }
    public String getRestartUrl() { return actionBase + SignInEndpoints.RESTART; }
}
