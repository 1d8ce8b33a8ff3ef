package io.oiefilter.simulator.org;

/** The authenticators the simulated org offers, with Okta's keys, types and enrollment id prefixes. */
public enum AuthenticatorKind {
    PASSWORD("okta_password", "password", "Password", "lae"),
    EMAIL("okta_email", "email", "Email", "eae");

    private final String key;
    private final String type;
    private final String displayName;
    private final String enrollmentPrefix;

    AuthenticatorKind(String key, String type, String displayName, String enrollmentPrefix) {
        this.key = key;
        this.type = type;
        this.displayName = displayName;
        this.enrollmentPrefix = enrollmentPrefix;
    }

    public String key() { return key; }
    public String type() { return type; }
    public String displayName() { return displayName; }
    public String enrollmentPrefix() { return enrollmentPrefix; }

    public static AuthenticatorKind byKeyOrType(String s) {
        for (AuthenticatorKind k : values()) {
            if (k.key.equals(s) || k.type.equals(s) || k.name().equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown authenticator " + s);
    }
}
