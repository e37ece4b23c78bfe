package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves this service as {@code application/problem+json}. Unexpected failures are logged here and
 * answered without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @jakarta.inject.Inject
    DatabaseOutage outage;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.problem());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(Problem.of("forbidden", "Forbidden", 403,
                "Your roles do not allow this request."));
    }

    /**
     * For refusals raised inside JAX-RS, should there be any. A request without a valid token is refused earlier, by
     * the {@code authenticated} HTTP permission on /api/*, and its 401 gets the same problem body from
     * {@link UnauthorizedChallenge}. A 401 always carries the Bearer challenge (RFC 9110), as benchmark-service's does.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of("unauthorized", "Unauthorized", 401, UnauthorizedChallenge.DETAIL)).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String type = switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        return response(Problem.of(type, title, status, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseOutage.isOutage(e)) {
            return outage.refuse(e);
        }
        LOG.error("Unexpected failure serving a request", e);
        return response(Problem.of("internal-error", "Internal Server Error", 500,
                "The request could not be completed; the failure has been logged."));
    }

    static Response response(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
