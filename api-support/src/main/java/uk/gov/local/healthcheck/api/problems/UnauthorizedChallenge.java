package uk.gov.local.healthcheck.api.problems;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/**
 * The 401 of a service that refuses in its HTTP layer (proactive authentication and the {@code authenticated}
 * permission on /api/*: metrics- and benchmark-service), before JAX-RS and its exception mappers: Quarkus answers
 * with the authentication mechanism's challenge, which has no body, and this decorator writes {@link Unauthorized}'s
 * problem into it, keeping the mechanism's {@code WWW-Authenticate}. Nothing of the application runs before it.
 */
@Decorator
@Priority(10)
public abstract class UnauthorizedChallenge implements HttpAuthenticationMechanism {

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    /** Only the OIDC bearer mechanism is decorated (not the test framework's, whose classes are not ours to wrap). */
    private final OidcAuthenticationMechanism delegate;

    @Inject
    protected UnauthorizedChallenge(@Delegate @Any OidcAuthenticationMechanism delegate) {
        this.delegate = delegate;
    }

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
                response.end(Unauthorized.json(context.normalizedPath()));
            } else {
                // Any other challenge (none the bearer mechanism sends today) is passed on as it is, but ended:
                // left open, the request would hang until the client gave up.
                response.end();
            }
            return true;
        });
    }
}
