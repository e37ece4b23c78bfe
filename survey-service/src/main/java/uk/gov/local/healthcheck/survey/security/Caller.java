package uk.gov.local.healthcheck.survey.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.gov.local.healthcheck.survey.problems.ProblemException;

import java.security.Principal;

/**
 * Who is calling, from the token's claims only: never from anything the caller sends in the path or body.
 *
 * @param subject       the token's subject (a user, or a council's HR system client)
 * @param authorityCode the {@code authority_code} claim of a council's user or client, null otherwise
 */
public record Caller(String subject, String clientId, String authorityCode, boolean lgaAdmin, boolean councilSubmitter) {

    public static Caller of(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        String authority = null;
        String client = null;
        String subject = principal == null ? null : principal.getName();
        if (principal instanceof JsonWebToken jwt) {
            authority = jwt.getClaim("authority_code");
            client = jwt.getClaim("azp");
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
        }
        return new Caller(subject, client, authority, identity.hasRole(Roles.LGA_ADMIN), identity.hasRole(Roles.COUNCIL_SUBMITTER));
    }

    /** The LGA may submit for any authority; a council only for the authority in its token. */
    public boolean maySubmitFor(String authorityCode) {
        return lgaAdmin || councilSubmitter && authorityCode.equals(this.authorityCode);
    }

    /** As {@link #maySubmitFor}, answering 403 with the reason when not. */
    public void requireMaySubmitFor(String authorityCode) {
        if (lgaAdmin) {
            return;
        }
        if (!councilSubmitter) {
            throw ProblemException.forbidden("Submitting a return needs the role " + Roles.COUNCIL_SUBMITTER + " or " + Roles.LGA_ADMIN);
        }
        if (!authorityCode.equals(this.authorityCode)) {
            throw ProblemException.forbidden("Your token allows returns for authority "
                    + (this.authorityCode == null ? "(none)" : this.authorityCode) + " only, not " + authorityCode);
        }
    }
}
