package uk.gov.local.healthcheck.survey.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import lombok.RequiredArgsConstructor;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.gov.local.healthcheck.survey.audit.Audited;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.survey.responses.BatchResult;
import uk.gov.local.healthcheck.survey.responses.LineResult;

/** Counts every answer of a submission endpoint into {@link SubmissionMetrics}, refusals included. */
@RequiredArgsConstructor
public class SubmissionCounting {

    private final SubmissionMetrics metrics;

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Audited audited = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Audited.class);
        String kind = audited == null ? null : switch (audited.value()) {
            case "return.put" -> SubmissionMetrics.RETURN;
            case "return.withdraw" -> SubmissionMetrics.WITHDRAWAL;
            case "response.submit", "response.batch", "response.invited" -> SubmissionMetrics.RESPONSE;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        int status = response.getStatus();
        Object entity = response.getEntity();
        if (status < 300 && entity instanceof BatchResult batch) {
            metrics.accepted(kind, batch.accepted() + batch.duplicates());
            long conflicts = batch.results().stream().filter(r -> LineResult.REJECTED.equals(r.status()) && r.errors().stream()
                    .anyMatch(v -> "conflict".equals(v.code()))).count();
            if (batch.rejected() - conflicts > 0) {
                metrics.refused(kind, "validation", batch.rejected() - conflicts);
            }
            if (conflicts > 0) {
                metrics.refused(kind, "response-id-reused", conflicts);
            }
        } else if (status < 300) {
            metrics.accepted(kind, 1);
        } else {
            metrics.refused(kind, reason(status, entity), 1);
        }
    }

    private static String reason(int status, Object entity) {
        if (entity instanceof Problem problem && problem.type() != null) {
            return problem.type().substring(problem.type().lastIndexOf('/') + 1);
        }
        return "http-" + status;
    }
}
