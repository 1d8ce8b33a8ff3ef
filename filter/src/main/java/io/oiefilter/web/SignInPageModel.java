package io.oiefilter.web;

import io.oiefilter.flow.OktaText;
import io.oiefilter.flow.OktaVerifyPage;
import io.oiefilter.flow.PageContent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the filter's JSPs read, as request attribute {@code oie}: the contract of an app's own JSPs.
 * The page's content ({@link PageContent}, the flow's, with no IDX type in it) plus what the web adds:
 * messages, the CSRF token and step id, links. Getters only (EL 5 reads bean properties, not record
 * components). Every value is escaped by the JSPs on output.
 */
public final class SignInPageModel {
    /** Messages about one field are shown next to it (and named by it); the rest at the top of the page. */
    private static final Map<String, String> FIELD_OF_MESSAGE = Map.ofEntries(
            Map.entry("oie.error.identifierRequired", "identifier"),
            Map.entry("oie.error.passwordRequired", "password"),
            Map.entry("oie.error.passwordIncorrect", "password"),
            Map.entry("oie.error.passwordRejected", "password"),
            Map.entry("oie.error.passwordsDiffer", "confirmPassword"),
            Map.entry("oie.error.codeRequired", "passcode"),
            Map.entry("oie.error.codeInvalid", "passcode"),
            Map.entry("oie.error.chooseAuthenticator", "authenticator"),
            Map.entry("oie.error.signUpDomain", "email"),
            Map.entry("oie.error.answerRequired", "answer"),
            Map.entry("oie.error.answerIncorrect", "answer"),
            Map.entry("oie.error.answerRejected", "answer"),
            Map.entry("oie.error.questionRequired", "question"),
            Map.entry("oie.error.chooseQuestion", "questionKey"),
            Map.entry("oie.error.verifyAddressRequired", "to"),
            Map.entry("oie.error.verifyAddressRefused", "to"));

    private final PageContent content;
    private final List<String> pageMessageKeys = new ArrayList<>();
    private final Map<String, List<String>> fieldMessageKeys = new LinkedHashMap<>();
    private final String identifier;
    private final String csrfToken;
    private final String actionBase;
    private final String stepId;
    private final Map<String, List<OktaText>> fieldMessages;
    private final Map<String, String> formValues;
    private final Links links;
    private final String nonce;
    private final int retryAfterSeconds;
    private final String qrCode;

    /** Where a page's links lead: help (may be null), the app's home, the sign-up domains to name. */
    record Links(String helpUrl, String homeUrl, String signUpDomains) {
    }

    SignInPageModel(PageContent content, List<String> messageKeys, String identifier, String csrfToken, String actionBase,
                    String stepId, Map<String, List<OktaText>> fieldMessages, Map<String, String> formValues, Links links,
                    String nonce, int retryAfterSeconds, String qrCode) {
        this.content = content;
        for (String key : messageKeys) {
            String field = FIELD_OF_MESSAGE.get(key);
            if (field == null) {
                pageMessageKeys.add(key);
            } else {
                fieldMessageKeys.computeIfAbsent(field, k -> new ArrayList<>()).add(key);
            }
        }
        this.identifier = identifier;
        this.csrfToken = csrfToken;
        this.actionBase = actionBase;
        this.stepId = stepId;
        this.fieldMessages = Map.copyOf(fieldMessages);
        this.formValues = Map.copyOf(formValues);
        this.links = links;
        this.nonce = nonce;
        this.retryAfterSeconds = retryAfterSeconds;
        this.qrCode = qrCode;
    }

    public String getView() { return content.view().page(); }
    /** The whole content of the page, as the flow describes it. */
    public PageContent getContent() { return content; }
    /** The messages about the page as a whole (the others are in {@link #getFieldMessageKeys()}). */
    public List<String> getMessageKeys() { return pageMessageKeys; }
    /** The filter's messages about one field, by field name: identifier, password, confirmPassword, passcode, email... */
    public Map<String, List<String>> getFieldMessageKeys() { return fieldMessageKeys; }
    /** The identifier the person typed, to show back (escaped). */
    public String getIdentifier() { return identifier; }
    public String getCsrfParameter() { return CsrfTokens.PARAMETER; }
    public String getCsrfToken() { return csrfToken; }
    /** Identifies the step a form was rendered for, so a form from an older page is recognised. */
    public String getStepId() { return stepId; }
    /** The nonce this response's Content-Security-Policy allows inline scripts with. */
    public String getNonce() { return nonce; }
    /** One-step policy: the sign-in page asks for the password too. */
    public boolean isPasswordOnSignIn() { return content.passwordOnSignIn(); }
    /** What the person set out to do: SIGN_IN, RECOVERY, SIGN_UP, UNLOCK or ACTIVATION (from an activation link). */
    public String getPurpose() { return content.purpose().name(); }
    /** The identify page of a password recovery. */
    public boolean isRecovering() { return content.purpose() == io.oiefilter.flow.SignInState.Purpose.RECOVERY; }
    /** "Forgot password?" can be offered. */
    public boolean isCanRecover() { return content.canRecover(); }
    /** An authenticator is being enrolled (not verified). */
    public boolean isEnrolling() { return content.enrolling(); }
    public boolean isSkippable() { return content.skippable(); }
    /** The authenticators to choose from: {@code authenticatorId()} to post, {@code type()} for the label. */
    public List<PageContent.Choice> getOptions() { return content.choices(); }
    public PageContent.Rules getPasswordRules() { return content.rules(); }
    public long getResendWaitSeconds() { return content.resendWaitSeconds(); }
    public int getRetryAfterSeconds() { return retryAfterSeconds; }
    /** On the page for a step the filter does not handle: what Okta offered, for the administrator. */
    public List<String> getOfferedSteps() { return content.offeredSteps(); }
    /** On the new-password page: SET_UP (a first password), RESET or EXPIRED; else "". */
    public String getNewPassword() { return content.newPassword() == null ? "" : content.newPassword().name(); }
    /** The org lets people sign up and the app has not switched it off. */
    public boolean isSignUpAvailable() { return content.signUpAvailable(); }
    /** The sign-up form's fields (name, label, required), as the org's profile policy asks. */
    public List<PageContent.Field> getProfileFields() { return content.profileFields(); }
    /** Okta's "Keep me signed in" (IDX rememberMe) is on the sign-in form. */
    public boolean isRememberMeOffered() { return content.rememberMeOffered(); }
    /** The org offers self-service unlock ("Unlock account?"). */
    public boolean isUnlockAvailable() { return content.unlockAvailable(); }
    /** Where the code went, as Okta shows it (a masked address), or null. */
    public String getSentTo() { return content.sentTo(); }
    /** Which authenticator the page is about ("google_otp"...), or null. */
    public String getAuthenticatorKey() { return content.authenticatorKey(); }
    /** An authenticator app's secret while it is set up, for manual entry; else null. */
    public String getSharedSecret() { return content.sharedSecret(); }
    /** The security question to answer; else null. */
    public String getQuestion() { return content.question(); }
    /** The security questions to choose from ({@code key()}, {@code text()}) when one is set up; else empty. */
    public List<PageContent.Question> getQuestions() { return content.questions(); }
    /** On the phone's page: the methods to choose from ("sms", "voice"), as the org allows; else empty. */
    public List<String> getPhoneMethods() { return content.phone() == null ? List.of() : content.phone().methods(); }
    /** On the phone's page: the number is asked (the phone is being set up). */
    public boolean isPhoneNumberAsked() { return content.phone() != null && content.phone().asksNumber(); }
    /** On a phone's code page: how the code went ("sms" or "voice"); else null. */
    public String getSentBy() { return content.phone() == null ? null : content.phone().sentBy(); }
    public String getSendPhoneCodeUrl() { return actionBase + SignInEndpoints.SEND_PHONE_CODE; }
    /** On the WebAuthn page: the options for navigator.credentials, as JSON (a data attribute the page's script reads); else null. */
    public String getWebAuthnOptions() { return content.webAuthnOptions(); }
    public String getWebAuthnUrl() { return actionBase + SignInEndpoints.WEBAUTHN; }
    public String getAnswerQuestionUrl() { return actionBase + SignInEndpoints.ANSWER_QUESTION; }
    /** Its QR code (a data URI of an SVG drawn by the filter); else null. */
    public String getQrCode() { return qrCode; }
    /** Okta's own words about a state that only has something to say (escaped on output). */
    public List<OktaText> getOktaMessages() { return content.oktaMessages(); }
    /** Whether something is said about this field (for aria-invalid). */
    public boolean invalid(String field) {
        return fieldMessageKeys.containsKey(field) || fieldMessages.containsKey(field);
    }

    /** Okta's messages about fields (sign-up fields; why a new password was refused), by field name (escaped on output). */
    public Map<String, List<OktaText>> getFieldMessages() { return fieldMessages; }
    /** Values typed into the sign-up form before it was refused, by field name (escaped on output). */
    public Map<String, String> getFormValues() { return formValues; }
    public String getHelpUrl() { return links.helpUrl(); }
    public String getHomeUrl() { return links.homeUrl(); }
    /** The email domains sign-up is open to, to name them; empty when any. */
    public String getSignUpDomains() { return links.signUpDomains(); }
    public String getSignUpUrl() { return actionBase + SignInEndpoints.SIGN_UP; }
    public String getRegisterUrl() { return actionBase + SignInEndpoints.REGISTER; }
    public String getHaveAccountUrl() { return actionBase + SignInEndpoints.HAVE_ACCOUNT; }
    public String getSignInUrl() { return actionBase + SignInEndpoints.SIGN_IN; }
    public String getIdentifyUrl() { return actionBase + SignInEndpoints.IDENTIFY; }
    public String getAnswerUrl() { return actionBase + SignInEndpoints.ANSWER; }
    public String getNewPasswordUrl() { return actionBase + SignInEndpoints.NEW_PASSWORD; }
    public String getSelectUrl() { return actionBase + SignInEndpoints.SELECT; }
    public String getResendUrl() { return actionBase + SignInEndpoints.RESEND; }
    public String getSkipUrl() { return actionBase + SignInEndpoints.SKIP; }
    public String getForgotPasswordUrl() { return actionBase + SignInEndpoints.FORGOT_PASSWORD; }
    public String getUnlockUrl() { return actionBase + SignInEndpoints.UNLOCK; }
    public String getUnlockAccountUrl() { return actionBase + SignInEndpoints.UNLOCK_ACCOUNT; }
    public String getRestartUrl() { return actionBase + SignInEndpoints.RESTART; }
    public String getVerifyPollUrl() { return actionBase + SignInEndpoints.VERIFY_POLL; }
    public String getVerifyChannelUrl() { return actionBase + SignInEndpoints.VERIFY_CHANNEL; }
    public String getVerifyMethodUrl() { return actionBase + SignInEndpoints.VERIFY_METHOD; }

    // --- Okta Verify's page ---
    private OktaVerifyPage verify() {
        return content.oktaVerify() == null ? new OktaVerifyPage(OktaVerifyPage.Stage.CODE, null, null, null, null, 4000, null)
                : content.oktaVerify();
    }

    /** SCAN, ASK_ADDRESS, LINK_SENT, PUSH, PUSH_REJECTED or CODE. */
    public String getVerifyStage() { return verify().stage().name(); }
    /** Setting Okta Verify up (not verifying it). */
    public boolean isVerifyEnrolling() { return verify().channel() != null; }
    /** "email" or "sms" while a link is asked for or went; "qrcode"; else null. */
    public String getVerifyChannel() { return verify().channel(); }
    /** Where the enrollment link went (escaped on output). */
    public String getVerifyLinkSentTo() { return verify().linkSentTo(); }
    /** The number to choose on the phone (the number challenge), or null. */
    public Integer getVerifyNumber() { return verify().number(); }
    /** Waiting for the phone: the page checks again after {@link #getVerifyRefreshMillis()}. */
    public boolean isVerifyPolling() { return verify().polling(); }
    public long getVerifyRefreshMillis() { return verify().refreshMillis(); }
    /** Okta's words about a rejected push (escaped on output). */
    public String getVerifyMessage() { return verify().oktaMessage(); }
}
