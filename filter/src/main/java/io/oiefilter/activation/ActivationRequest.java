package io.oiefilter.activation;

import io.oiefilter.mgmt.ManagementPort;

import java.util.Locale;

/**
 * What the filter knows when identify has failed: the login the person typed, their locale and
 * their client address. Identify fails alike for unknown, PROVISIONED, STAGED, SUSPENDED and
 * LOCKED_OUT users; a strategy finds out which it is, for example through {@link #management()}.
 *
 * @param management the filter's Management API port, or null when no API token is configured
 */
public record ActivationRequest(String login, Locale locale, String clientAddress, ManagementPort management) {

    public ActivationRequest(String login, Locale locale, String clientAddress) {
        this(login, locale, clientAddress, null);
    }

    @Override
    public String toString() {
        return "ActivationRequest{" + login + " from " + clientAddress + "}";
    }
}
