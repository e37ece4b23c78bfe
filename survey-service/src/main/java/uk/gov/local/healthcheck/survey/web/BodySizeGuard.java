package uk.gov.local.healthcheck.survey.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.survey.observability.SubmissionMetrics;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;

/**
 * Refuses a body whose declared {@code Content-Length} is over the limit before a byte of it is read, with a
 * problem+json body. Quarkus's own check (route order -2) answers 413 with an empty body and no content type, which
 * is what a client sending {@code Expect: 100-continue} with 50 MB got (issue 10). Bodies of unknown length are
 * still limited while they are read (413 problem from the exception mappers).
 */
@ApplicationScoped
public class BodySizeGuard {

    /** Before Quarkus's upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    private static final int ORDER = -3;
    private static final String BATCH_SUFFIX = "/responses/batch";

    private final long maxTransport;
    private final long maxDocument;
    private final SubmissionMetrics metrics;

    public BodySizeGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxTransport,
                         BodyLimits limits, SubmissionMetrics metrics) {
        this.maxTransport = maxTransport.asLongValue();
        this.maxDocument = limits.maxDocument();
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            context.next();
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            context.next();     // Vert.x refuses a malformed Content-Length itself
            return;
        }
        String path = context.normalizedPath();
        // Only a batch needs more than a document's limit; refusing the others here saves reading up to 32 MB.
        long limit = path.endsWith(BATCH_SUFFIX) ? maxTransport : Math.min(maxDocument, maxTransport);
        if (length <= limit) {
            context.next();
            return;
        }
        String kind = SubmissionMetrics.kindOf(context.request().method().name(), path);
        if (kind != null) {
            metrics.refused(kind, "payload-too-large", 1);
        }
        JsonObject problem = new JsonObject()
                .put("type", Problem.type(ProblemTypes.PAYLOAD_TOO_LARGE))
                .put("title", "Payload too large")
                .put("status", 413)
                .put("detail", "The body has " + length + " bytes; this endpoint takes at most " + limit + ". Nothing was read or stored")
                .put("instance", path);
        // The body was not read: close the connection rather than leave its bytes in the way of the next request.
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.encode());
    }
}
