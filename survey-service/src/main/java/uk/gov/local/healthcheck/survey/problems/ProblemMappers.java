package uk.gov.local.healthcheck.survey.problems;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import lombok.RequiredArgsConstructor;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.local.healthcheck.api.access.RequiredRoles;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.availability.DatabaseOutage;

import java.util.List;

/**
 * Turns every failure into {@code application/problem+json}: our own problems, the framework's HTTP errors
 * (404 unknown path, 405, 406, 413, 415) and role refusals. An unexpected failure is logged and answered 500
 * without internals. A request without a valid token is answered 401 by api-support's {@code Unauthorized}, before
 * the endpoint runs; the audit entry of the attempt is written without an identity.
 */
@RequiredArgsConstructor
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** When a caller refused because the service is busy should try again. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final DatabaseOutage outage;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.status(), e.toProblem(uri.getPath()));
        if (e.status() == 503) {
            // Busy, not broken: tell the caller when to try again.
            response.getHeaders().add("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response;
    }

    /** A role check failed: name the roles the endpoint admits, so the caller knows which right is missing. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        List<String> roles = RequiredRoles.of(resource);
        String detail = roles.isEmpty() ? "Your token does not carry a role allowed to do this"
                : "This needs one of the roles " + String.join(", ", roles) + "; your token has none of them";
        return respond(403, Problem.of(ProblemTypes.FORBIDDEN, "Not allowed", 403, detail, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 413 -> "The request body is larger than this endpoint accepts";
            case 415 -> "Send the body as application/json";
            case 404 -> "No such resource: " + uri.getPath();
            default -> e.getMessage();
        };
        String slug = status == 413 ? ProblemTypes.PAYLOAD_TOO_LARGE : ProblemTypes.http(status);
        return respond(status, Problem.of(slug, title, status, detail, uri.getPath()));
    }

    /** Two writers raced for the same revision; the loser's request changed nothing and may simply be repeated. */
    @ServerExceptionMapper
    public Response conflict(ConstraintViolationException e, UriInfo uri) {
        return respond(409, Problem.of(ProblemTypes.CONCURRENT_UPDATE, "Concurrent update", 409,
                "Another request changed this resource at the same time; nothing was stored, please retry", uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (outage.refuses(e)) {
            return databaseUnavailable(uri);
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(500, Problem.of(ProblemTypes.INTERNAL, "Internal error", 500,
                "The request failed unexpectedly and was not applied; it has been logged", uri.getPath()));
    }

    /** PostgreSQL could not be reached: nothing was stored, and the same request may simply be sent again. */
    private Response databaseUnavailable(UriInfo uri) {
        long seconds = outage.retryAfterSeconds();
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", String.valueOf(seconds))
                .entity(Problem.of(ProblemTypes.DATABASE_UNAVAILABLE, "Database unavailable", 503,
                        "The database cannot be reached just now; nothing was stored. Send the same request again in "
                                + seconds + " s", uri.getPath())).build();
    }

    private static Response respond(int status, Problem problem) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
