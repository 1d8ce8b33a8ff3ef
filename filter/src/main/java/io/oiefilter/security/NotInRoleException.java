package io.oiefilter.security;

/**
 * A CDI bean's {@code @RolesAllowed} (or {@code @DenyAll}) refused the caller: map it to 403 as the
 * container does an EJB's {@code EJBAccessException}. Says which method and which roles, never who.
 */
public class NotInRoleException extends SecurityException {
    private static final long serialVersionUID = 1L;

    public NotInRoleException(String message) {
        super(message);
    }
}
