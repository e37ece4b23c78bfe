package uk.gov.local.healthcheck.metrics.access;

import io.quarkus.security.identity.SecurityIdentity;
import uk.gov.local.healthcheck.api.access.CallerScope;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

import java.util.ArrayList;
import java.util.List;

import static uk.gov.local.healthcheck.api.access.Roles.COUNCIL_SUBMITTER;
import static uk.gov.local.healthcheck.api.access.Roles.COUNCIL_VIEWER;
import static uk.gov.local.healthcheck.api.access.Roles.LGA_ADMIN;
import static uk.gov.local.healthcheck.api.access.Roles.RIA_ANALYST;

/**
 * Who may read which authority's indicators, and rebuild them, from the token's scope only. metrics-service's
 * endpoints are {@code @Authenticated} (the indicator dictionary is for any valid token), so the roles are checked
 * here too:
 * <ul>
 *   <li>{@code lga-admin}: every authority, and the rebuild;</li>
 *   <li>{@code ria-analyst}: the authorities whose region (authority register) is the token's {@code region_code};</li>
 *   <li>{@code council-submitter}, {@code council-viewer}: the authority in the token's {@code authority_code}.</li>
 * </ul>
 * A token with several roles may read what any of them allows.
 */
public record AccessPolicy(CallerScope caller) {

    private static final String REFUSED = "Forbidden";

    public static AccessPolicy of(SecurityIdentity identity) {
        return new AccessPolicy(CallerScope.of(identity));
    }

    /** @throws ProblemException 403 when the caller may not read {@code authorityCode}, saying why */
    public void checkCanRead(String authorityCode, AuthorityRegister register) {
        if (caller.hasRole(LGA_ADMIN)) {
            return;
        }
        boolean analyst = caller.hasRole(RIA_ANALYST);
        boolean council = caller.hasAnyRole(COUNCIL_SUBMITTER, COUNCIL_VIEWER);
        if (!analyst && !council) {
            throw ProblemException.forbidden(REFUSED, "Reading indicators needs one of the roles lga-admin, ria-analyst, "
                    + "council-submitter or council-viewer.");
        }
        List<String> reasons = new ArrayList<>();
        if (analyst) {
            String region = caller.regionCode();
            if (region == null) {
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
            String own = caller.authorityCode();
            if (own == null) {
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
        throw ProblemException.forbidden(REFUSED, Character.toUpperCase(detail.charAt(0)) + detail.substring(1) + ".");
    }

    /** @throws ProblemException 403 unless the caller is an LGA administrator */
    public void checkAdmin() {
        if (!caller.hasRole(LGA_ADMIN)) {
            throw ProblemException.forbidden(REFUSED, "Only an LGA administrator (role lga-admin) may rebuild the indicators.");
        }
    }
}
