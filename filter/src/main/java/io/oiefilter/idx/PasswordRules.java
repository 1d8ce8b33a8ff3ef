package io.oiefilter.idx;

import java.io.Serializable;

/** The org's password complexity, as the password authenticator's settings state it. */
public record PasswordRules(int minLength, int minLowerCase, int minUpperCase, int minNumber, int minSymbol,
                            boolean excludeUsername) implements Serializable {
}
