package uk.gov.local.healthcheck.survey.problems;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.local.healthcheck.survey.availability.DatabaseOutage;

import java.util.List;
import java.util.Optional;

/**
 * Turns every failure into {@code application/problem+json}: our own problems, the framework's HTTP errors
 * (404 unknown path, 405, 406, 413, 415) and security refusals. An unexpected failure is logged and answered 500
 * without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    DatabaseOutage outage;
    /** When a caller refused because the service is busy should try again. */
    private static final String RETRY_AFTER_SECONDS = "5";

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
        String detail = requiredRoles(resource)
                .map(roles -> "This needs one of the roles " + String.join(", ", roles) + "; your token has none of them")
                .orElse("Your token does not carry a role allowed to do this");
        return respond(403, new Problem(Problem.type("forbidden"), "Not allowed", 403, detail, uri.getPath(), null));
    }

    private static Optional<List<String>> requiredRoles(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return Optional.ofNullable(allowed).map(a -> List.of(a.value()));
    }

    /**
     * No token, or one that is garbage, expired, unsigned ({@code alg: none}), signed with another key or algorithm,
     * or issued by or for someone else: always 401, on every method, decided by the token check before the endpoint
     * (and so before any business code) runs. The audit entry of the attempt is written without an identity.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean sent = authorization != null && !authorization.isBlank();
        String challenge = sent ? "Bearer realm=\"healthcheck\", error=\"invalid_token\"" : "Bearer realm=\"healthcheck\"";
        String detail = sent ? "The bearer token was not accepted (malformed, expired, not signed by the healthcheck realm, or not issued for this API); send a valid one"
                : "Send a valid bearer token from the healthcheck realm";
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", challenge)
                .entity(new Problem(Problem.type("unauthorized"), "Unauthorized", 401, detail, uri.getPath(), null)).build();
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
        return respond(status, new Problem(Problem.type(status == 413 ? "payload-too-large" : "http-" + status), title, status, detail, uri.getPath(), null));
    }

    /** Two writers raced for the same revision; the loser's request changed nothing and may simply be repeated. */
    @ServerExceptionMapper
    public Response conflict(ConstraintViolationException e, UriInfo uri) {
        return respond(409, new Problem(Problem.type("concurrent-update"), "Concurrent update", 409,
                "Another request changed this resource at the same time; nothing was stored, please retry", uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (outage.refuses(e)) {
            return databaseUnavailable(uri);
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(500, new Problem(Problem.type("internal"), "Internal error", 500,
                "The request failed unexpectedly and was not applied; it has been logged", uri.getPath(), null));
    }

    /** PostgreSQL could not be reached: nothing was stored, and the same request may simply be sent again. */
    private Response databaseUnavailable(UriInfo uri) {
        long seconds = outage.retryAfterSeconds();
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", String.valueOf(seconds))
                .entity(new Problem(Problem.type("database-unavailable"), "Database unavailable", 503,
                        "The database cannot be reached just now; nothing was stored. Send the same request again in "
                                + seconds + " s", uri.getPath(), null)).build();
    }

    private static Response respond(int status, Problem problem) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
