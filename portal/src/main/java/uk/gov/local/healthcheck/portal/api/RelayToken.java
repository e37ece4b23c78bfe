package uk.gov.local.healthcheck.portal.api;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.Duration;

/**
 * The portal's own token (client credentials of client {@code portal}, realm role {@code survey-relay} only), used
 * for the two calls of the anonymous practitioner survey: resolving an invitation code and posting a response
 * with it. Social workers have no accounts; survey-service takes the authority from the invitation.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class RelayToken {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Renew a little before expiry so a token never expires on its way to the API. */
    private static final long SKEW_SECONDS = 30;

    private final OidcClient client;
    private volatile Tokens tokens;

    public String value() {
        Tokens current = tokens;
        if (current == null || current.getAccessTokenExpiresAt() == null
                || current.getAccessTokenExpiresAt() - SKEW_SECONDS <= System.currentTimeMillis() / 1000) {
            try {
                current = client.getTokens().await().atMost(WAIT);
            } catch (RuntimeException e) {
                throw ApiProblem.unavailable(null, "The sign-in service did not answer");
            }
            tokens = current;
        }
        return current.getAccessToken();
    }
}
