package uk.gov.local.healthcheck.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The Content-Security-Policy of every page: only this origin's scripts and styles (no {@code unsafe-inline}: the
 * pages have no inline script or style), forms posted only here or to the sign-in service (sign-out goes there),
 * never framed. The other headers are in application.properties.
 */
@Singleton
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServer) {
        URI uri = URI.create(authServer);
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; form-action 'self' " + origin + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    public String policy() {
        return policy;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.response().putHeader("Content-Security-Policy", policy);
            rc.next();
        }, 100);
    }
}
