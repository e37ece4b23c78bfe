package uk.gov.local.healthcheck.survey.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Every write, accepted or refused")
@RolesAllowed(Roles.LGA_ADMIN)
public class AuditResource {

    static final int MAX_LIMIT = 1000;

    @GET
    @Operation(summary = "Audit entries, newest first (LGA only)",
            description = "Filter by authority (GSS code) and a time window (ISO-8601 with offset, e.g. 2024-11-01T00:00:00Z).")
    public Uni<List<AuditView>> list(@QueryParam("authority") String authority, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Violation> violations = new ArrayList<>();
        OffsetDateTime since = time("from", from, violations);
        OffsetDateTime until = time("to", to, violations);
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new Violation("limit", "range", "limit must be between 1 and " + MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("Invalid query parameters", violations);
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (authority != null) {
            query.append(" and authorityCode = :authority");
            parameters.and("authority", authority);
        }
        if (since != null) {
            query.append(" and at >= :from");
            parameters.and("from", since);
        }
        if (until != null) {
            query.append(" and at < :to");
            parameters.and("to", until);
        }
        query.append(" order by id desc");
        return Panache.withSession(() -> AuditEntry.<AuditEntry>find(query.toString(), parameters).page(0, limit).list())
                .map(entries -> entries.stream().map(AuditView::of).toList());
    }

    private static OffsetDateTime time(String field, String value, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "format", field + " must be an ISO-8601 time with offset, e.g. 2024-11-01T00:00:00Z"));
            return null;
        }
    }
}
