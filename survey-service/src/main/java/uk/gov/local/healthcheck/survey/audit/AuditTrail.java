package uk.gov.local.healthcheck.survey.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.gov.local.healthcheck.survey.availability.DatabaseOutage;
import uk.gov.local.healthcheck.survey.web.SafeText;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Writes one audit entry for every call of an {@link Audited} endpoint once its outcome is known, refusals
 * included, so the trail shows attempts as well as changes. The entry is written before the response leaves.
 */
@RequiredArgsConstructor
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final int MAX_TEXT = 1000;
    private static final int MAX_PATH = 500;
    private static final int MAX_NAME = 200;
    private static final int MAX_AUTHORITY = 16;

    /**
     * The request's identity, asked for without blocking: the request-scoped {@code SecurityIdentity} would
     * authenticate on the event loop when the token check has failed (authentication is not proactive), which
     * answered every write with a bad token 500 (issue 10).
     */
    private final CurrentIdentityAssociation identities;
    private final DatabaseOutage outage;
    private final AuditNote note;
    private final Clock clock;
    private final AuditLog log;

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Audited audited = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Audited.class);
        if (audited == null) {
            return Uni.createFrom().voidItem();
        }
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(clock);
        entry.action = audited.value();
        entry.method = request.getMethod();
        entry.path = cut(request.getUriInfo().getPath(), MAX_PATH);
        entry.status = response.getStatus();
        String pathAuthority = request.getUriInfo().getPathParameters().getFirst("authorityCode");
        entry.authorityCode = cut(pathAuthority != null ? pathAuthority : note.authorityCode(), MAX_AUTHORITY);
        entry.detail = cut(note.detail());
        // A token that failed its check fails again here: the attempt is recorded without a subject.
        return identities.getDeferredIdentity().onFailure().recoverWithNull().flatMap(identity -> {
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
                entry.subject = cut(jwt.getSubject(), MAX_NAME);
                entry.clientId = cut(jwt.getClaim("azp"), MAX_NAME);
            }
            return log.append(entry);
        }).onFailure().recoverWithUni(e -> {
            if (outage.refuses(e)) {
                return Uni.createFrom().voidItem();
            }
            LOG.errorf(e, "Could not write the audit entry for %s %s (%d)", entry.method, entry.path, entry.status);
            return Uni.createFrom().voidItem();
        });
    }

    private static String cut(String text) {
        return cut(text, MAX_TEXT);
    }

    /** Within the column's size, and only characters PostgreSQL can store (a refused request may have sent others). */
    private static String cut(String text, int max) {
        text = SafeText.clean(text);
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
