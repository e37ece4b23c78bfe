package uk.gov.local.healthcheck.metrics.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI description of the service (the JAX-RS application itself needs no configuration). */
@OpenAPIDefinition(info = @Info(title = "metrics-service", version = "1",
        description = "Per-authority indicators computed from councils' accepted returns."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Access token from the Keycloak realm healthcheck")
public class MetricsApi extends Application {
}
