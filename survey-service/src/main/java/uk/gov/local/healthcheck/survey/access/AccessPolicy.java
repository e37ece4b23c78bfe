package uk.gov.local.healthcheck.survey.access;

import io.quarkus.security.identity.SecurityIdentity;
import uk.gov.local.healthcheck.api.access.CallerScope;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.survey.reference.Authority;

import static uk.gov.local.healthcheck.api.access.Roles.COUNCIL_SUBMITTER;
import static uk.gov.local.healthcheck.api.access.Roles.COUNCIL_VIEWER;
import static uk.gov.local.healthcheck.api.access.Roles.LGA_ADMIN;
import static uk.gov.local.healthcheck.api.access.Roles.RIA_ANALYST;

/**
 * Which authorities a caller may act for, from its token's scope only. The roles an endpoint admits are on the
 * resource ({@code @RolesAllowed}); this decides the rest: the LGA may do everything for every authority, a
 * council's submitter submit for the authority in its token, councils read their own authority and RIAs the
 * authorities of their region.
 */
public record AccessPolicy(CallerScope caller) {

    private static final String REFUSED = "Not allowed";

    public static AccessPolicy of(SecurityIdentity identity) {
        return new AccessPolicy(CallerScope.of(identity));
    }

    /** The LGA may submit for any authority; a council's submitter only for the authority in its token. */
    public boolean maySubmitFor(String authorityCode) {
        return caller.hasRole(LGA_ADMIN) || caller.hasRole(COUNCIL_SUBMITTER) && authorityCode.equals(caller.authorityCode());
    }

    /** As {@link #maySubmitFor}, answering 403 with the reason when not. */
    public void requireMaySubmitFor(String authorityCode) {
        if (caller.hasRole(LGA_ADMIN)) {
            return;
        }
        if (!caller.hasRole(COUNCIL_SUBMITTER)) {
            throw ProblemException.forbidden(REFUSED, "Submitting needs the role " + COUNCIL_SUBMITTER
                    + " (for your own authority) or " + LGA_ADMIN + "; your token has neither");
        }
        if (!authorityCode.equals(caller.authorityCode())) {
            throw ProblemException.forbidden(REFUSED, "Your token allows submissions for authority "
                    + (caller.authorityCode() == null ? "(none)" : caller.authorityCode()) + " only, not " + authorityCode);
        }
    }

    /** The LGA reads everything; a council its own authority; an RIA the authorities of its region. */
    public boolean mayRead(Authority authority) {
        return caller.hasRole(LGA_ADMIN)
                || caller.hasAnyRole(COUNCIL_SUBMITTER, COUNCIL_VIEWER) && authority.code().equals(caller.authorityCode())
                || caller.hasRole(RIA_ANALYST) && authority.regionCode().equals(caller.regionCode());
    }

    public void requireMayRead(Authority authority) {
        if (!mayRead(authority)) {
            throw ProblemException.forbidden(REFUSED, "Your token does not allow reading " + authority.name() + " ("
                    + authority.code() + "): councils read their own authority, RIAs the authorities of their region, the LGA all");
        }
    }

    /** Only the LGA may act on a round outside its dates (a council withdraws only while the round is open). */
    public boolean mayActOutsideTheRoundsDates() {
        return caller.hasRole(LGA_ADMIN);
    }
}
