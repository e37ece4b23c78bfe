package uk.gov.local.healthcheck.benchmark.api;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/**
 * Every refusal for want of a valid token (none, garbage, expired, {@code alg: none}, another key, issuer or
 * audience), on every method, is a 401 {@code application/problem+json} with the mechanism's
 * {@code WWW-Authenticate} challenge. Quarkus refuses these in its HTTP layer (proactive authentication and the
 * {@code authenticated} permission on /api/*), before JAX-RS and its exception mappers, and answers with the
 * authentication mechanism's challenge, which has no body; this decorator writes the problem into that challenge.
 * Nothing of the application runs before it.
 */
@Decorator
@Priority(10)
public abstract class UnauthorizedChallenge implements HttpAuthenticationMechanism {

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    static final String DETAIL = "Send a valid bearer token from the healthcheck realm (it was missing, malformed, "
            + "expired, or not signed and issued by the realm for this API)";

    /** Only the OIDC bearer mechanism is decorated (not the test framework's, whose classes are not ours to wrap). */
    @Inject
    @Delegate
    @Any
    OidcAuthenticationMechanism delegate;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return delegate.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return delegate.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return delegate.getChallenge(context).map(challenge -> {
            HttpServerResponse response = context.response();
            if (response.ended()) {
                return true;
            }
            int status = challenge == null ? 401 : challenge.status;
            response.setStatusCode(status);
            if (challenge != null && challenge.getHeaders() != null) {
                challenge.getHeaders().forEach((name, value) -> response.headers().set(name, value));
            }
            if (status == 401 && !response.headers().contains(WWW_AUTHENTICATE)) {
                response.headers().set(WWW_AUTHENTICATE, "Bearer");
            }
            if (status == 401) {
                response.headers().set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
                response.end(body(context.normalizedPath()));
            } else {
                // Any other challenge (none the bearer mechanism sends today) is passed on as it is, but ended:
                // left open, the request would hang until the client gave up.
                response.end();
            }
            return true;
        });
    }

    static String body(String path) {
        return new JsonObject()
                .put("type", Problem.type("unauthorized"))
                .put("title", "Unauthorized")
                .put("status", 401)
                .put("detail", DETAIL)
                .put("instance", path)
                .encode();
    }
}
