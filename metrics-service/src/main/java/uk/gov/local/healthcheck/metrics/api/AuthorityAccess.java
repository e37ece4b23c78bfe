package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may read which authority's indicators, decided by the token's roles and claims only:
 * <ul>
 *   <li>{@code lga-admin}: every authority;</li>
 *   <li>{@code ria-analyst}: the authorities whose region (authority register) is the token's {@code region_code};</li>
 *   <li>{@code council-submitter}, {@code council-viewer}: the authority in the token's {@code authority_code}.</li>
 * </ul>
 * A token with several roles may read what any of them allows.
 */
@ApplicationScoped
public class AuthorityAccess {

    public static final String LGA_ADMIN = "lga-admin";
    public static final String RIA_ANALYST = "ria-analyst";
    public static final String COUNCIL_SUBMITTER = "council-submitter";
    public static final String COUNCIL_VIEWER = "council-viewer";
    public static final String AUTHORITY_CLAIM = "authority_code";
    public static final String REGION_CLAIM = "region_code";

    @Inject
    AuthorityRegister register;

    /** @throws ProblemException 403 when {@code identity} may not read {@code authorityCode}, saying why */
    public void checkCanRead(SecurityIdentity identity, String authorityCode) {
        if (identity.hasRole(LGA_ADMIN)) {
            return;
        }
        boolean analyst = identity.hasRole(RIA_ANALYST);
        boolean council = identity.hasRole(COUNCIL_SUBMITTER) || identity.hasRole(COUNCIL_VIEWER);
        if (!analyst && !council) {
            throw ProblemException.forbidden("Reading indicators needs one of the roles lga-admin, ria-analyst, "
                    + "council-submitter or council-viewer.");
        }
        List<String> reasons = new ArrayList<>();
        if (analyst) {
            String region = claim(identity, REGION_CLAIM);
            if (region == null || region.isBlank()) {
                reasons.add("your token has no region_code claim, so it is not known which region you analyse");
            } else {
                String authorityRegion = register.regionOf(authorityCode).orElse(null);
                if (region.equals(authorityRegion)) {
                    return;
                }
                reasons.add("an RIA analyst may read only the authorities of its region: your token is for region "
                        + region + ", and " + authorityCode + (authorityRegion == null
                        ? " is not in the authority register" : " is in region " + authorityRegion));
            }
        }
        if (council) {
            String own = claim(identity, AUTHORITY_CLAIM);
            if (own == null || own.isBlank()) {
                reasons.add("your token has no authority_code claim, so it is not known which authority you "
                        + "belong to");
            } else if (own.equals(authorityCode)) {
                return;
            } else {
                reasons.add("a council user may read only its own authority's indicators: your token is for "
                        + own + ", not " + authorityCode);
            }
        }
        String detail = String.join("; ", reasons);
        throw ProblemException.forbidden(Character.toUpperCase(detail.charAt(0)) + detail.substring(1) + ".");
    }

    /** @throws ProblemException 403 unless the caller is an LGA administrator */
    public void checkAdmin(SecurityIdentity identity) {
        if (!identity.hasRole(LGA_ADMIN)) {
            throw ProblemException.forbidden("Only an LGA administrator (role lga-admin) may rebuild the indicators.");
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
