package io.oiefilter.idx;

import java.io.Serializable;

/**
 * One authenticator a select-authenticator-* remediation offers.
 *
 * @param type the method type ("password", "email", "sms"...), null when the option leaves it to choose
 * @param key  which authenticator ("okta_password", "okta_email", "google_otp", "okta_verify"...), null when unknown
 */
public record IdxOption(String authenticatorId, String type, String label, String key) implements Serializable {
    public IdxOption(String authenticatorId, String type, String label) {
        this(authenticatorId, type, label, null);
    }
}
