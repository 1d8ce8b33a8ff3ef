package io.oiefilter.idx;

import java.io.Serializable;

/**
 * The authenticator a step is about (challenged, enrolled or reset).
 *
 * @param type        "password", "email", ...
 * @param resendHref  where to ask for a new code, if the authenticator sends codes
 * @param recoverHref where to start password recovery, if offered
 * @param rules       the password rules, for a password being set (null otherwise or when unknown)
 * @param sentTo      where a code went, as Okta shows it (a masked address such as "a***e@example.com"), or null
 */
public record IdxAuthenticator(String type, String resendHref, String recoverHref, PasswordRules rules, String sentTo)
        implements Serializable {
}
