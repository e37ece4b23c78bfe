package uk.gov.local.healthcheck.survey.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.gov.local.healthcheck.survey.problems.ProblemException;
import uk.gov.local.healthcheck.survey.reference.Authority;

import java.security.Principal;

/**
 * Who is calling, from the token's claims only: never from anything the caller sends in the path or body.
 *
 * @param subject       the token's subject (a person, or a council's HR system client)
 * @param clientId      the client the token was issued to ({@code azp})
 * @param authorityCode the {@code authority_code} claim of a council's user or client, null otherwise
 * @param regionCode    the {@code region_code} claim, null when absent
 */
public record Caller(String subject, String clientId, String authorityCode, String regionCode, boolean lgaAdmin,
                     boolean councilSubmitter, boolean councilViewer, boolean riaAnalyst) {

    public static Caller of(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        String subject = principal == null ? null : principal.getName();
        String authority = null;
        String region = null;
        String client = null;
        if (principal instanceof JsonWebToken jwt) {
            authority = jwt.getClaim("authority_code");
            region = jwt.getClaim("region_code");
            client = jwt.getClaim("azp");
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
        }
        return new Caller(subject, client, authority, region, identity.hasRole(Roles.LGA_ADMIN),
                identity.hasRole(Roles.COUNCIL_SUBMITTER), identity.hasRole(Roles.COUNCIL_VIEWER), identity.hasRole(Roles.RIA_ANALYST));
    }

    /** The LGA may submit for any authority; a council's submitter only for the authority in its token. */
    public boolean maySubmitFor(String authorityCode) {
        return lgaAdmin || councilSubmitter && authorityCode.equals(this.authorityCode);
    }

    /** As {@link #maySubmitFor}, answering 403 with the reason when not. */
    public void requireMaySubmitFor(String authorityCode) {
        if (lgaAdmin) {
            return;
        }
        if (!councilSubmitter) {
            throw ProblemException.forbidden("Submitting needs the role " + Roles.COUNCIL_SUBMITTER + " (for your own authority) or "
                    + Roles.LGA_ADMIN + "; your token has neither");
        }
        if (!authorityCode.equals(this.authorityCode)) {
            throw ProblemException.forbidden("Your token allows submissions for authority "
                    + (this.authorityCode == null ? "(none)" : this.authorityCode) + " only, not " + authorityCode);
        }
    }

    /** The LGA reads everything; a council its own authority; an RIA the authorities of its region. */
    public boolean mayRead(Authority authority) {
        return lgaAdmin
                || (councilSubmitter || councilViewer) && authority.code().equals(authorityCode)
                || riaAnalyst && authority.regionCode().equals(regionCode);
    }

    public void requireMayRead(Authority authority) {
        if (!mayRead(authority)) {
            throw ProblemException.forbidden("Your token does not allow reading " + authority.name() + " (" + authority.code()
                    + "): councils read their own authority, RIAs the authorities of their region, the LGA all");
        }
    }
}
