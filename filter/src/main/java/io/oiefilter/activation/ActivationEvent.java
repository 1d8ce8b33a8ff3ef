package io.oiefilter.activation;

/**
 * Something that happened to an activation; never carries a token or a code.
 *
 * @param detail a short reason, e.g. the user's status or why it was refused
 */
public record ActivationEvent(Type type, String login, String clientAddress, String detail) {
    public enum Type { STARTED, COMPLETED, REFUSED, THROTTLED }
}
