package uk.gov.local.healthcheck.portal.api;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import lombok.RequiredArgsConstructor;

/** The signed-in person's access token, as Keycloak issued it to the portal: the APIs check it exactly as today. */
@RequestScoped
@RequiredArgsConstructor
public class PersonToken {

    private final SecurityIdentity identity;

    public String value() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new ApiProblem(401, "unauthorized", "Not signed in", "Sign in to see this page", java.util.List.of(), null);
        }
        return credential.getToken();
    }
}
