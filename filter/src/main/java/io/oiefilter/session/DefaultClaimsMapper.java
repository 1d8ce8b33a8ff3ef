package io.oiefilter.session;

import io.oiefilter.config.OieConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The principal name from one claim ({@code oie.principalClaim}, {@code preferred_username} by default,
 * falling back to {@code sub}) and the roles from another ({@code oie.groupsClaim}, {@code groups}: Okta's
 * group names as they are). Extend it to add or rename roles while keeping the configured claims.
 */
public class DefaultClaimsMapper implements ClaimsMapper {
    private final String principalClaim;
    private final String groupsClaim;

    public DefaultClaimsMapper(String principalClaim, String groupsClaim) {
        this.principalClaim = principalClaim;
        this.groupsClaim = groupsClaim;
    }

    public DefaultClaimsMapper(OieConfig config) {
        this(config.principalClaim(), config.groupsClaim());
    }

    @Override
    public PrincipalMapping map(Map<String, Object> claims) {
        Object name = claims.get(principalClaim);
        Object subject = claims.get("sub");
        String principal = name != null && !String.valueOf(name).isBlank() ? String.valueOf(name)
                : subject == null ? null : String.valueOf(subject);
        return PrincipalMapping.of(principal, strings(claims.get(groupsClaim)));
    }

    /** A claim that is a list of values (as strings, nulls dropped) or a single string; none otherwise. */
    public static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof List<?> list) {
            list.forEach(x -> {
                if (x != null) {
                    values.add(String.valueOf(x));
                }
            });
        } else if (claim instanceof String single) {
            values.add(single);
        }
        return values;
    }

    public String principalClaim() {
        return principalClaim;
    }

    public String groupsClaim() {
        return groupsClaim;
    }
}
