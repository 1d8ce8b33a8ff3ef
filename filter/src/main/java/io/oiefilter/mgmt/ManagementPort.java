package io.oiefilter.mgmt;

import java.util.Optional;

/**
 * What the filter asks of Okta's Management API (Users and Factors). The only implementation wraps
 * okta-sdk-java ({@link io.oiefilter.mgmt.okta.OktaManagementPort}); no other class sees that SDK.
 */
public interface ManagementPort {

    /** The user with this login, if any. */
    Optional<ManagedUser> findByLogin(String login) throws ManagementException;

    /**
     * STAGED to PROVISIONED: {@code POST /api/v1/users/{id}/lifecycle/activate}. With
     * {@code sendEmail} Okta emails its activation link and no token is returned.
     */
    Optional<String> activate(String userId, boolean sendEmail) throws ManagementException;

    /** PROVISIONED only: a new activation token ({@code lifecycle/reactivate}), or Okta's email. */
    Optional<String> reactivate(String userId, boolean sendEmail) throws ManagementException;

    /**
     * The id of the user's ACTIVE email factor ({@code GET /api/v1/users/{userId}/factors}), if the
     * user has enrolled the email authenticator; empty otherwise.
     */
    Optional<String> emailFactorId(String userId) throws ManagementException;

    /**
     * Has Okta email the user a new one-time code for that factor ({@code POST …/factors/{factorId}/verify}
     * without a passCode); an earlier code stops working. Okta allows one such email every 5 seconds
     * per address: sooner is a ManagementException with status 429.
     */
    void challengeEmailFactor(String userId, String factorId) throws ManagementException;

    /**
     * Checks a code the person read in that email: true when Okta answers SUCCESS, false when Okta
     * refuses the code (wrong, expired or already used: 403 E0000068) or it is blank (not sent, since
     * Okta would take a missing passCode for a new challenge). The port keeps no copy of the code.
     * Anything else (unknown user or factor, rate limit, Okta unreachable) is a ManagementException.
     */
    boolean verifyEmailFactor(String userId, String factorId, char[] passCode) throws ManagementException;
}
