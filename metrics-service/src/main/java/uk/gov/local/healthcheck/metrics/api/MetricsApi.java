package uk.gov.local.healthcheck.metrics.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * OpenAPI description of the service (the JAX-RS application itself needs no configuration). The security scheme,
 * Keycloak's OpenID Connect discovery, is declared in application.properties so that its URL follows the environment.
 */
@OpenAPIDefinition(info = @Info(title = "metrics-service", version = "1",
        description = "Per-authority indicators computed from councils' accepted returns."))
public class MetricsApi extends Application {
}
