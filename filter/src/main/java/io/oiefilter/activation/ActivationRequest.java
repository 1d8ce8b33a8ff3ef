package io.oiefilter.activation;

import java.util.Locale;

/**
 * What the filter knows when identify has failed: the login the person typed, their locale and
 * their client address. Identify fails alike for unknown, PROVISIONED, STAGED, SUSPENDED and
 * LOCKED_OUT users; a strategy finds out which it is.
 */
public record ActivationRequest(String login, Locale locale, String clientAddress) {
}
