package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;

/**
 * Every error leaves this service as {@code application/problem+json}, without {@code instance}. Unexpected failures
 * are logged here and answered without internals. A request without a valid token is refused earlier, by the
 * {@code authenticated} HTTP permission on /api/*, with api-support's 401 problem.
 */
@RequiredArgsConstructor
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final DatabaseOutage outage;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.toProblem(null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(Problem.of(ProblemTypes.FORBIDDEN, "Forbidden", 403, "Your roles do not allow this request.", null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String slug = switch (status) {
            case 400 -> ProblemTypes.BAD_REQUEST;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemTypes.http(status);
        };
        return response(Problem.of(slug, title, status, e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseOutage.isOutage(e)) {
            return outage.refuse(e);
        }
        LOG.error("Unexpected failure serving a request", e);
        return response(Problem.of(ProblemTypes.INTERNAL_ERROR, "Internal Server Error", 500,
                "The request could not be completed; the failure has been logged.", null));
    }

    static Response response(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
