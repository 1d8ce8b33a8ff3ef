package io.oiefilter.activation;

import java.util.Locale;

/**
 * Emails a one-time activation code from the filter itself, for orgs whose enrollment policy
 * offers no email authenticator: the account's email must be proven before activation goes on.
 * {@code oie.activation.codeSender}: {@code smtp} ({@link SmtpCodeSender}), {@code none} or your class
 * (see {@link io.oiefilter.spi.Extensions}).
 */
public interface CodeSender {
    /** Sends {@code code} to {@code emailAddress}; throws if it could not be handed to the mail server. */
    void send(String emailAddress, String code, Locale locale) throws CodeDeliveryException;
}
