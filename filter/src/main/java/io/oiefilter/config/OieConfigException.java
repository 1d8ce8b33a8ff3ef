package io.oiefilter.config;

/** A missing or invalid setting; the message names the key and where it may be set. */
public final class OieConfigException extends RuntimeException {
    private final String key;

    public OieConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
