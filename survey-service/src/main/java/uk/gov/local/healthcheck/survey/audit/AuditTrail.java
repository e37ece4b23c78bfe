package uk.gov.local.healthcheck.survey.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Writes one audit entry for every call of an {@link Audited} endpoint once its outcome is known, refusals
 * included, so the trail shows attempts as well as changes. The entry is written before the response leaves.
 */
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final int MAX_TEXT = 1000;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditNote note;

    @Inject
    Clock clock;

    @Inject
    AuditLog log;

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
        entry.path = cut(request.getUriInfo().getPath());
        entry.status = response.getStatus();
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            entry.subject = jwt.getSubject();
            entry.clientId = jwt.getClaim("azp");
        }
        String pathAuthority = request.getUriInfo().getPathParameters().getFirst("authorityCode");
        entry.authorityCode = pathAuthority != null ? pathAuthority : note.authorityCode();
        entry.detail = cut(note.detail());
        return log.append(entry).onFailure().recoverWithUni(e -> {
            LOG.errorf(e, "Could not write the audit entry for %s %s (%d)", entry.method, entry.path, entry.status);
            return Uni.createFrom().voidItem();
        });
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
