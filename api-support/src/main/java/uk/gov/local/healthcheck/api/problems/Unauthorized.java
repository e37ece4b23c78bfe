package uk.gov.local.healthcheck.api.problems;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one 401 of every service: no valid bearer token (none, garbage, expired, {@code alg: none}, another key, issuer
 * or audience), on every method, is {@code application/problem+json} with the same body and a {@code Bearer}
 * challenge. survey-service checks tokens lazily, inside JAX-RS, so its 401 comes from the mapper here;
 * metrics- and benchmark-service refuse in the HTTP layer, and {@link UnauthorizedChallenge} writes the same body.
 */
public class Unauthorized {

    static final String TITLE = "Unauthorized";
    static final String DETAIL = "Send a valid bearer token from the healthcheck realm (it was missing, malformed, "
            + "expired, or not signed and issued by the realm for this API)";

    /** The body of a 401 for a request to {@code path}. */
    public static Problem problem(String path) {
        return Problem.of(ProblemTypes.UNAUTHORIZED, TITLE, 401, DETAIL, path);
    }

    /** The same body, written by hand where Jackson is not at hand (the HTTP layer). */
    static String json(String path) {
        return new JsonObject()
                .put("type", Problem.type(ProblemTypes.UNAUTHORIZED))
                .put("title", TITLE)
                .put("status", 401)
                .put("detail", DETAIL)
                .put("instance", path)
                .encode();
    }

    /**
     * A refusal raised inside JAX-RS, decided by the token check before the endpoint (and so before any business
     * code) runs. The challenge says {@code invalid_token} when a token was sent (RFC 6750).
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean sent = authorization != null && !authorization.isBlank();
        String challenge = sent ? "Bearer realm=\"healthcheck\", error=\"invalid_token\"" : "Bearer realm=\"healthcheck\"";
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .entity(problem(uri.getPath())).build();
    }
}
