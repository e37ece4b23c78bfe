package uk.gov.local.healthcheck.benchmark.access;

import io.quarkus.security.identity.SecurityIdentity;
import uk.gov.local.healthcheck.api.access.CallerScope;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

import static uk.gov.local.healthcheck.api.access.Roles.COUNCIL_SUBMITTER;
import static uk.gov.local.healthcheck.api.access.Roles.COUNCIL_VIEWER;
import static uk.gov.local.healthcheck.api.access.Roles.LGA_ADMIN;
import static uk.gov.local.healthcheck.api.access.Roles.RIA_ANALYST;

/**
 * Which authorities' own figures a caller may see, from the token's scope only; group statistics are for every role
 * the resources admit ({@code @RolesAllowed}).
 * <ul>
 *   <li>lga-admin: every authority;</li>
 *   <li>ria-analyst: the authorities of its region (claim {@code region_code}, an E12 code);</li>
 *   <li>council-submitter / council-viewer: its own authority (claim {@code authority_code}).</li>
 * </ul>
 * Roles combine: a token with several sees the union. Only what decides the answer is kept, so that callers who see
 * the same share the figures derived for them (the policy is part of their memo key).
 */
public record AccessPolicy(boolean admin, String regionCode, String authorityCode) {

    public static AccessPolicy of(SecurityIdentity identity) {
        return of(CallerScope.of(identity));
    }

    public static AccessPolicy of(CallerScope caller) {
        return new AccessPolicy(caller.hasRole(LGA_ADMIN),
                caller.hasRole(RIA_ANALYST) ? caller.regionCode() : null,
                caller.hasAnyRole(COUNCIL_SUBMITTER, COUNCIL_VIEWER) ? caller.authorityCode() : null);
    }

    public boolean maySee(String authority, AuthorityRegister register) {
        if (admin) {
            return true;
        }
        if (authorityCode != null && authorityCode.equals(authority)) {
            return true;
        }
        return regionCode != null && register.find(authority).map(a -> regionCode.equals(a.region().code())).orElse(false);
    }

    /** As {@link #maySee}, answering 403 with what the caller may see when not. */
    public void requireMaySee(String authority, AuthorityRegister register) {
        if (!maySee(authority, register)) {
            throw ProblemException.forbidden("Not within your token's scope", "Your token lets you see " + describe()
                    + ", not " + authority + "; group statistics are at /api/v1/benchmarks/{roundId}/indicators/{indicatorId}");
        }
    }

    /** Says what the caller may see, for a 403's detail. */
    public String describe() {
        if (admin) {
            return "every authority";
        }
        if (authorityCode == null && regionCode == null) {
            return "no authority (your token has no authority_code or region_code claim)";
        }
        StringBuilder s = new StringBuilder();
        if (authorityCode != null) {
            s.append("authority ").append(authorityCode);
        }
        if (regionCode != null) {
            s.append(s.length() > 0 ? " and " : "").append("the authorities of region ").append(regionCode);
        }
        return s.toString();
    }
}
