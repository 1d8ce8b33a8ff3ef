package io.oiefilter.simulator.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The password authenticator's complexity rules and the lockout threshold, as Okta's settings name them. */
public record PasswordPolicy(int minLength, int minLowerCase, int minUpperCase, int minNumber, int minSymbol,
                             boolean excludeUsername, int maxAttempts) {

    public static PasswordPolicy defaults() {
        return new PasswordPolicy(8, 1, 1, 1, 0, true, 5);
    }

    /** The requirements the candidate misses, in Okta's wording; empty when it complies. */
    public List<String> unmet(String candidate, OrgUser user) {
        List<String> out = new ArrayList<>();
        String p = candidate == null ? "" : candidate;
        if (p.length() < minLength) out.add("at least " + minLength + " characters");
        if (count(p, Character::isLowerCase) < minLowerCase) out.add("a lowercase letter");
        if (count(p, Character::isUpperCase) < minUpperCase) out.add("an uppercase letter");
        if (count(p, Character::isDigit) < minNumber) out.add("a number");
        if (count(p, c -> !Character.isLetterOrDigit(c)) < minSymbol) out.add("a symbol");
        if (excludeUsername && user != null) {
            String local = user.login().split("@")[0].toLowerCase(Locale.ROOT);
            if (!local.isEmpty() && p.toLowerCase(Locale.ROOT).contains(local)) out.add("no parts of your username");
        }
        return out;
    }

    private static long count(String s, java.util.function.IntPredicate p) {
        return s.chars().filter(p).count();
    }
}
