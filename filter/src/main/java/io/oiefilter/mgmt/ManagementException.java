package io.oiefilter.mgmt;

/** The Management API refused or could not be reached; the message carries no secret. */
public final class ManagementException extends Exception {
    private final int httpStatus;

    public ManagementException(int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
