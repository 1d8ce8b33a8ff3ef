package io.oiefilter.idx;

import java.io.Serializable;

/**
 * One authenticator a select-authenticator-* remediation offers.
 *
 * @param type the method type ("password", "email", "sms"...), null when the option leaves it to choose
 * @param key  which authenticator ("okta_password", "okta_email", "google_otp", "okta_verify"...), null when unknown
 * @param methods the methods the option lets the person choose (Okta Verify's "push", "totp", "signed_nonce"), at most
 *                ten; empty when its method is fixed
 */
public record IdxOption(String authenticatorId, String type, String label, String key, java.util.List<String> methods)
        implements Serializable {
    public IdxOption {
        methods = methods == null ? java.util.List.of() : java.util.List.copyOf(methods);
    }

    public IdxOption(String authenticatorId, String type, String label, String key) {
        this(authenticatorId, type, label, key, null);
    }

    public IdxOption(String authenticatorId, String type, String label) {
        this(authenticatorId, type, label, null);
    }
}
