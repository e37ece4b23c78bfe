package uk.gov.local.healthcheck.benchmark.access;

import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

/**
 * Which authorities' own figures a caller may see, from the token only. Group statistics are for every role.
 * <ul>
 *   <li>lga-admin: every authority;</li>
 *   <li>ria-analyst: the authorities of its region (claim {@code region_code}, an E12 code);</li>
 *   <li>council-submitter / council-viewer: its own authority (claim {@code authority_code}).</li>
 * </ul>
 * Roles combine: a token with several sees the union.
 */
public record CallerScope(boolean admin, String regionCode, String authorityCode) {

    /** A caller that may see no authority (group statistics only). */
    public static final CallerScope GROUPS_ONLY = new CallerScope(false, null, null);

    public boolean maySee(String authority, AuthorityRegister register) {
        if (admin) {
            return true;
        }
        if (authorityCode != null && authorityCode.equals(authority)) {
            return true;
        }
        return regionCode != null && register.find(authority).map(a -> regionCode.equals(a.region().code())).orElse(false);
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
