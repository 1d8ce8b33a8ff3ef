package io.oiefilter.activation;

/** A code could not be sent; the message names no address and no code. */
public final class CodeDeliveryException extends Exception {
    public CodeDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
