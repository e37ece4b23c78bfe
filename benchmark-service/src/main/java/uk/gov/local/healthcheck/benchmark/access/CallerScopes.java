package uk.gov.local.healthcheck.benchmark.access;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.gov.local.healthcheck.benchmark.api.Roles;

/** Reads a {@link CallerScope} from the verified token's roles and claims; nothing the caller sends counts. */
public final class CallerScopes {

    private CallerScopes() {
    }

    public static CallerScope of(SecurityIdentity identity) {
        boolean admin = identity.hasRole(Roles.LGA_ADMIN);
        String region = identity.hasRole(Roles.RIA_ANALYST) ? claim(identity, Roles.REGION_CLAIM) : null;
        boolean council = identity.hasRole(Roles.COUNCIL_SUBMITTER) || identity.hasRole(Roles.COUNCIL_VIEWER);
        String authority = council ? claim(identity, Roles.AUTHORITY_CLAIM) : null;
        return new CallerScope(admin, region, authority);
    }

    private static String claim(SecurityIdentity identity, String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            String text = value == null ? null : value.toString().replace("\"", "").trim();
            return text == null || text.isEmpty() ? null : text;
        }
        return null;
    }
}
