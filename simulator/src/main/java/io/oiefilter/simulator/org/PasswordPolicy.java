package io.oiefilter.simulator.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password authenticator's complexity rules, the common-password check (Okta's
 * complexity.dictionary.common.exclude) and the lockout threshold, as Okta's settings name them.
 */
public record PasswordPolicy(int minLength, int minLowerCase, int minUpperCase, int minNumber, int minSymbol,
                             boolean excludeUsername, int maxAttempts, boolean excludeCommonPasswords) {

    /** A few of the passwords every such list has; compared ignoring case. */
    private static final Set<String> COMMON = Set.of("password", "password1", "password12", "password123", "password1!",
            "passw0rd", "passw0rd!", "p@ssw0rd", "p@ssword1", "12345678", "123456789", "1234567890", "qwerty12", "qwerty123",
            "qwertyuiop", "abc12345", "abcd1234", "iloveyou1", "welcome1", "welcome123", "letmein1", "letmein123",
            "admin123", "changeme1", "football1", "baseball1", "monkey123", "sunshine1", "princess1", "trustno1");

    public static PasswordPolicy defaults() {
        return new PasswordPolicy(8, 1, 1, 1, 0, true, 5, true);
    }

    /** The rules the candidate breaks, in Okta's wording; empty when it complies. */
    public List<String> unmet(String candidate, OrgUser user) {
        String p = candidate == null ? "" : candidate;
        List<String> out = new ArrayList<>();
        for (String rule : requirements()) {
            if (!meets(rule, p, user)) {
                out.add(rule);
            }
        }
        return out;
    }

    /**
     * All the policy's requirements, in the order and words of Okta's message ("at least 8
     * characters, a lowercase letter, an uppercase letter, a number, no parts of your username",
     * widget mock error-authenticator-reset-password-requirement.json).
     */
    public List<String> requirements() {
        List<String> out = new ArrayList<>();
        if (minLength > 0) out.add("at least " + minLength + " characters");
        if (minLowerCase > 0) out.add(minLowerCase == 1 ? "a lowercase letter" : "at least " + minLowerCase + " lowercase letters");
        if (minUpperCase > 0) out.add(minUpperCase == 1 ? "an uppercase letter" : "at least " + minUpperCase + " uppercase letters");
        if (minNumber > 0) out.add(minNumber == 1 ? "a number" : "at least " + minNumber + " numbers");
        if (minSymbol > 0) out.add(minSymbol == 1 ? "a symbol" : "at least " + minSymbol + " symbols");
        if (excludeUsername) out.add("no parts of your username");
        return out;
    }

    /** Okta's "This password was found in a list of commonly used passwords" check, when enabled. */
    public boolean common(String candidate) {
        return excludeCommonPasswords && candidate != null && COMMON.contains(candidate.toLowerCase(Locale.ROOT));
    }

    private boolean meets(String rule, String p, OrgUser user) {
        if (rule.endsWith("characters")) return p.length() >= minLength;
        if (rule.contains("lowercase")) return count(p, Character::isLowerCase) >= minLowerCase;
        if (rule.contains("uppercase")) return count(p, Character::isUpperCase) >= minUpperCase;
        if (rule.contains("number")) return count(p, Character::isDigit) >= minNumber;
        if (rule.contains("symbol")) return count(p, c -> !Character.isLetterOrDigit(c)) >= minSymbol;
        if (user == null) return true;
        String local = user.login().split("@")[0].toLowerCase(Locale.ROOT);
        return local.isEmpty() || !p.toLowerCase(Locale.ROOT).contains(local);
    }

    private static long count(String s, java.util.function.IntPredicate p) {
        return s.chars().filter(p).count();
    }
}
