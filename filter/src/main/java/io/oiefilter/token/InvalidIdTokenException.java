package io.oiefilter.token;

/** The ID token failed validation: never sign such a user in. */
public final class InvalidIdTokenException extends Exception {
    public InvalidIdTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
