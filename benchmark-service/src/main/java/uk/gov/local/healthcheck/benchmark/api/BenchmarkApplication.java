package uk.gov.local.healthcheck.benchmark.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI metadata: every operation takes a bearer token from the healthcheck realm. */
@OpenAPIDefinition(
        info = @Info(title = "Social Work Health Check: benchmark API", version = "1.0",
                description = "Regional and national benchmarks of councils' workforce indicators. "
                        + "Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class BenchmarkApplication extends Application {
}
