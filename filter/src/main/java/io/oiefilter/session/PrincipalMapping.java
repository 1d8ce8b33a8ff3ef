package io.oiefilter.session;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a {@link ClaimsMapper} makes of the claims.
 *
 * @param name  the principal name ({@code getUserPrincipal().getName()}, the container's caller name)
 * @param roles the roles the person is in; blank ones are dropped
 */
public record PrincipalMapping(String name, Set<String> roles) {
    public PrincipalMapping {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a principal name is required");
        }
        Set<String> kept = new LinkedHashSet<>();
        if (roles != null) {
            roles.stream().filter(r -> r != null && !r.isBlank()).forEach(kept::add);
        }
        roles = java.util.Collections.unmodifiableSet(kept);
    }

    public static PrincipalMapping of(String name, Collection<String> roles) {
        return new PrincipalMapping(name, roles == null ? Set.of() : new LinkedHashSet<>(roles));
    }
}
