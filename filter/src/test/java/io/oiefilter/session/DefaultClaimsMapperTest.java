package io.oiefilter.session;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Today's claim settings as the default mapping: the principal claim (else sub) and the groups claim as roles. */
class DefaultClaimsMapperTest {
    private final DefaultClaimsMapper standard = new DefaultClaimsMapper("preferred_username", "groups");

    @Test
    void theNameIsThePrincipalClaimAndTheRolesAreTheGroups() {
        PrincipalMapping m = standard.map(Map.of("sub", "00u1", "preferred_username", "alice@example.com",
                "groups", List.of("Everyone", "Admins")));
        assertEquals("alice@example.com", m.name());
        assertEquals(List.of("Everyone", "Admins"), List.copyOf(m.roles()), "in the token's order");
    }

    @Test
    void withoutThePrincipalClaimTheSubjectIsTheName() {
        assertEquals("00u1", standard.map(Map.of("sub", "00u1")).name());
        assertEquals("00u1", standard.map(Map.of("sub", "00u1", "preferred_username", " ")).name(), "a blank claim is no name");
        assertEquals(Set.of(), standard.map(Map.of("sub", "00u1")).roles(), "no groups claim: no roles");
    }

    @Test
    void otherClaimsCanBeNamed() {
        DefaultClaimsMapper custom = new DefaultClaimsMapper("email", "roles");
        PrincipalMapping m = custom.map(Map.of("sub", "00u1", "email", "x@example.com", "roles", "Auditors", "groups", List.of("Admins")));
        assertEquals("x@example.com", m.name());
        assertEquals(Set.of("Auditors"), m.roles(), "a single string is one role; the groups claim is not read");
    }

    @Test
    void onlyStringsAndListsAreRoles() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "00u1");
        claims.put("groups", Arrays.asList("A", null, 7, ""));
        assertEquals(new LinkedHashSet<>(List.of("A", "7")), standard.map(claims).roles(), "null and blank dropped, numbers as text");
        assertEquals(Set.of(), standard.map(Map.of("sub", "00u1", "groups", true)).roles(), "neither a list nor a string");
    }

    @Test
    void aMappingNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> standard.map(Map.of()), "no name claim, no subject");
        assertThrows(IllegalArgumentException.class, () -> PrincipalMapping.of(" ", List.of("A")));
        assertEquals(Set.of(), PrincipalMapping.of("n", null).roles());
    }
}
