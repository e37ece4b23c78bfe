package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Who may read which authority's indicators. A council submitter sees only its own authority (token claim
 * {@code authority_code}); LGA admins and RIA analysts see every authority (RIA region scoping comes later).
 */
@ApplicationScoped
public class AuthorityAccess {

    public static final String LGA_ADMIN = "lga-admin";
    public static final String RIA_ANALYST = "ria-analyst";
    public static final String COUNCIL_SUBMITTER = "council-submitter";
    public static final String AUTHORITY_CLAIM = "authority_code";

    private static final Set<String> ANY_AUTHORITY = Set.of(LGA_ADMIN, RIA_ANALYST);

    /** @throws ProblemException 403 when {@code identity} may not read {@code authorityCode}, saying why */
    public void checkCanRead(SecurityIdentity identity, String authorityCode) {
        if (ANY_AUTHORITY.stream().anyMatch(identity::hasRole)) {
            return;
        }
        if (!identity.hasRole(COUNCIL_SUBMITTER)) {
            throw ProblemException.forbidden("Reading indicators needs one of the roles lga-admin, ria-analyst or "
                    + "council-submitter.");
        }
        String own = claim(identity, AUTHORITY_CLAIM);
        if (own == null || own.isBlank()) {
            throw ProblemException.forbidden("Your token has no authority_code claim, so it is not known which "
                    + "authority you submit for.");
        }
        if (!own.equals(authorityCode)) {
            throw ProblemException.forbidden("A council submitter may read only its own authority's indicators: "
                    + "your token is for " + own + ", not " + authorityCode + ".");
        }
    }

    private static String claim(SecurityIdentity identity, String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString();
        }
        return null;
    }
}
