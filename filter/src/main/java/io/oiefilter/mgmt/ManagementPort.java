package io.oiefilter.mgmt;

import java.util.Optional;

/**
 * What the filter asks of Okta's Management (Users) API. The only implementation wraps
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
}
