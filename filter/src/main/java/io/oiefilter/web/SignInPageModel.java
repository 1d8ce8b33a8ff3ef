package io.oiefilter.web;

import java.util.List;

/**
 * What the filter's JSPs read, as request attribute {@code oie}. Getters only (EL 5 reads bean
 * properties, not record components). Every value is escaped by the JSPs on output.
 */
public final class SignInPageModel {
    private final String view;
    private final List<String> messageKeys;
    private final String identifier;
    private final boolean passwordOnSignIn;
    private final String csrfToken;
    private final String actionBase;
    private final List<String> remediationNames;
    private final int retryAfterSeconds;

    SignInPageModel(String view, List<String> messageKeys, String identifier, boolean passwordOnSignIn, String csrfToken,
                    String actionBase, List<String> remediationNames, int retryAfterSeconds) {
        this.view = view;
        this.messageKeys = List.copyOf(messageKeys);
        this.identifier = identifier;
        this.passwordOnSignIn = passwordOnSignIn;
        this.csrfToken = csrfToken;
        this.actionBase = actionBase;
        this.remediationNames = List.copyOf(remediationNames);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String getView() { return view; }
    public List<String> getMessageKeys() { return messageKeys; }
    public String getIdentifier() { return identifier; }
    /** One-step policy: the sign-in page asks for the password too. */
    public boolean isPasswordOnSignIn() { return passwordOnSignIn; }
    public String getCsrfParameter() { return CsrfTokens.PARAMETER; }
    public String getCsrfToken() { return csrfToken; }
    public String getSignInUrl() { return actionBase + SignInEndpoints.SIGN_IN; }
    public String getIdentifyUrl() { return actionBase + SignInEndpoints.IDENTIFY; }
    public String getPasswordUrl() { return actionBase + SignInEndpoints.PASSWORD; }
    public String getRestartUrl() { return actionBase + SignInEndpoints.RESTART; }
    public List<String> getRemediationNames() { return remediationNames; }
    public int getRetryAfterSeconds() { return retryAfterSeconds; }
}
