package io.oiefilter.idx;

import java.io.Serializable;

/** One authenticator a select-authenticator-* remediation offers. */
public record IdxOption(String authenticatorId, String type, String label) implements Serializable {
}
