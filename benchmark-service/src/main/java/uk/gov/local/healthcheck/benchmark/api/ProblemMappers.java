package uk.gov.local.healthcheck.benchmark.api;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.local.healthcheck.api.access.RequiredRoles;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.benchmark.query.NoBenchmarkDataException;
import uk.gov.local.healthcheck.deadletters.FailureKind;

import java.util.List;

/**
 * Turns every failure into {@code application/problem+json}: our own problems, the framework's HTTP errors and
 * role refusals. An unexpected failure is logged and answered 500 without internals. A request without a valid token
 * is refused earlier, by the {@code authenticated} HTTP permission on /api/*, with api-support's 401 problem.
 */
@RequiredArgsConstructor
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int SERVER_ERROR = 500;

    private final DatabaseOutage outage;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response noData(NoBenchmarkDataException e, UriInfo uri) {
        return respond(404, Problem.of(ProblemTypes.NO_BENCHMARK_DATA, "No benchmark data", 404, e.getMessage(),
                uri.getPath()));
    }

    /** Names the roles the endpoint accepts, so the caller knows which one their token is missing. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        List<String> roles = RequiredRoles.of(resource);
        String detail = roles.isEmpty()
                ? "Your token does not carry a role allowed to do this"
                : "This requires one of the roles " + String.join(", ", roles) + "; your token carries none of them";
        return respond(403, Problem.of(ProblemTypes.FORBIDDEN, "Missing role", 403, detail, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= SERVER_ERROR) {
            LOG.error("Request failed", e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = status == 404 ? "No such resource: " + uri.getPath() : e.getMessage();
        return respond(status, Problem.of(ProblemTypes.http(status), title, status, detail, uri.getPath()));
    }

    /**
     * PostgreSQL (the only thing a request may wait on) could not be reached: 503 with Retry-After, the outage logged
     * once per interval by {@link DatabaseOutage}; anything else unexpected is logged and answered 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (FailureKind.of(e).isTransient()) {
            outage.refused(uri.getPath(), e);
            return Response.status(503).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, outage.retryAfterSeconds())
                    .entity(Problem.of(ProblemTypes.DATABASE_UNAVAILABLE, "Database unavailable", 503,
                            "The benchmark database cannot be reached just now; try again in "
                                    + outage.retryAfterSeconds() + " seconds", uri.getPath()))
                    .build();
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(SERVER_ERROR, Problem.of(ProblemTypes.INTERNAL, "Internal error", SERVER_ERROR,
                "The request failed unexpectedly; it has been logged", uri.getPath()));
    }

    static Response respond(int status, Problem problem) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
