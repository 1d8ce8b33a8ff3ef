package io.oiefilter.simulator.org;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone numbers as the simulated org takes them: E.164 ("+" and 8 to 15 digits, spaces, dashes, dots and
 * parentheses ignored); a North American number (+1) must have a 10-digit number whose area code and exchange do
 * not start with 0 or 1, as Okta's carrier lookup would refuse it. Shown masked as Okta shows them in IDX
 * responses ("+1 XXX-XXX-2342", widget authenticator-verification-phone-sms.json): only the last four digits.
 */
public final class PhoneNumbers {
    /** The phone authenticator's methods, in Okta's order. */
    public static final List<String> METHODS = List.of("sms", "voice");

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern NANP = Pattern.compile("\\+1[2-9][0-9]{2}[2-9][0-9]{6}");
    private static final Pattern IGNORED = Pattern.compile("[\\s().-]");

    private PhoneNumbers() {
    }

    /** The number in E.164, or null when the org would refuse it ("Invalid Phone Number."). */
    public static String normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        String n = IGNORED.matcher(typed.trim()).replaceAll("");
        if (!E164.matcher(n).matches() || (n.startsWith("+1") && !NANP.matcher(n).matches())) {
            return null;
        }
        return n;
    }

    /** "+1 XXX-XXX-2342" for a North American number; else "+" and an X for each hidden digit, then the last four. */
    public static String mask(String e164) {
        String last4 = e164.substring(e164.length() - 4);
        if (e164.startsWith("+1") && e164.length() == 12) {
            return "+1 XXX-XXX-" + last4;
        }
        return "+" + "X".repeat(e164.length() - 5) + last4;
    }
}
