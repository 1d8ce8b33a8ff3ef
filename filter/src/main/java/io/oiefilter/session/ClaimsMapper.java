package io.oiefilter.session;

import java.util.Map;

/**
 * Turns a signed-in person's validated ID token claims into who the application sees: the principal
 * name and the roles ({@code request.isUserInRole}, and in container mode the caller's groups that
 * {@code @RolesAllowed}, {@code <security-constraint>} and {@code SecurityContext.isCallerInRole} check).
 * Called once at sign-in and again when the tokens are renewed, never per request.
 *
 * <p>{@link DefaultClaimsMapper} is today's behaviour ({@code oie.principalClaim}, {@code oie.groupsClaim}).
 * Plug in your own, as the filter's other SPIs: its class name in {@code oie.claimsMapper} (the CDI bean of
 * that class when CDI has one, else a new instance from a public no-argument constructor), else a
 * {@code ServiceLoader} provider ({@code META-INF/services/io.oiefilter.session.ClaimsMapper}), else a CDI
 * bean of this type, else the default.
 *
 * <p>Throwing refuses the sign-in (the person sees that it could not be completed; the log says why).
 */
public interface ClaimsMapper {

    /**
     * @param claims the ID token's claims as JSON values (strings, numbers, booleans, lists, maps);
     *               unmodifiable
     * @return the principal name (not blank) and the roles
     */
    PrincipalMapping map(Map<String, Object> claims);
}
