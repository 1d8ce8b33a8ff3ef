package io.oiefilter.readiness;

import com.nimbusds.jose.util.JSONArrayUtils;
import io.oiefilter.config.OieConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Activation with an activation token proves the address by enrolling the email authenticator, so the authenticator
 * enrollment policy must offer it, unless the filter sends its own code ({@code CodeSender}). The policy is read with
 * the API token ({@code GET /api/v1/policies?type=MFA_ENROLL}).
 */
final class EmailEnrollmentCheck implements ReadinessCheck {
    static final String NAME = "email-enrollment";
    static final String POLICY_STEP = "Security > Authenticators > Enrollment > (policy) > Email: Optional";

    private final OieConfig config;
    private final String strategy;
    private final boolean needed;
    private final boolean codeSender;
    private final OktaHttp http;

    /**
     * @param needed     whether the activation strategy proves the address through IDX's email enrollment
     * @param codeSender whether a {@code CodeSender} is set (the filter emails its own code)
     */
    EmailEnrollmentCheck(OieConfig config, String strategy, boolean needed, boolean codeSender, OktaHttp http) {
        this.config = config;
        this.strategy = strategy;
        this.needed = needed;
        this.codeSender = codeSender;
        this.http = http;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult run() {
        if (!needed) {
            return CheckResult.skipped(NAME, "the activation strategy (" + strategy + ") does not prove the address by email enrollment");
        }
        if (codeSender) {
            return CheckResult.ok(NAME, "the filter emails its own activation code (" + OieConfig.CODE_SENDER + ")");
        }
        String token = config.managementToken().orElse(null);
        if (token == null) {
            return CheckResult.skipped(NAME, "no " + OieConfig.MANAGEMENT_TOKEN + " to read the enrollment policy with");
        }
        URI uri = URI.create(config.managementOrgUrl() + "/api/v1/policies?type=MFA_ENROLL");
        OktaHttp.Answer a;
        try {
            a = http.get(uri, Map.of("Accept", "application/json", "Authorization", "SSWS " + token));
        } catch (OktaHttp.Unreachable e) {
            return CheckResult.failed(NAME, e.getMessage() + ": check " + OieConfig.MANAGEMENT_ORG_URL);
        }
        if (a.status() != 200) {
            return CheckResult.failed(NAME, "the enrollment policies could not be read (HTTP " + a.status() + "): check "
                    + OieConfig.MANAGEMENT_TOKEN + " (an administrator who may read policies)");
        }
        List<String> offering = new ArrayList<>();
        try {
            for (Object p : JSONArrayUtils.parse(a.body())) {
                if (p instanceof Map<?, ?> policy && "ACTIVE".equals(policy.get("status")) && offersEmail(policy)) {
                    offering.add(String.valueOf(policy.get("name")));
                }
            }
        } catch (java.text.ParseException e) {
            return CheckResult.failed(NAME, "the enrollment policies are not JSON (" + uri + ")");
        }
        if (offering.isEmpty()) {
            return CheckResult.failed(NAME, "no enrollment policy offers the email authenticator (activation's proof of "
                    + "the address): " + POLICY_STEP + ", or set " + OieConfig.SMTP_HOST + " (the filter emails a code)");
        }
        return CheckResult.ok(NAME, "the email authenticator is offered by " + String.join(", ", offering));
    }

    private static boolean offersEmail(Map<?, ?> policy) {
        if (policy.get("settings") instanceof Map<?, ?> settings && settings.get("authenticators") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> a && "okta_email".equals(a.get("key")) && a.get("enroll") instanceof Map<?, ?> enroll
                        && !"NOT_ALLOWED".equals(enroll.get("self"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
