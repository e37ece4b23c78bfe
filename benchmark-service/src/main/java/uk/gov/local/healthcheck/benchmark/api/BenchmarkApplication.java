package uk.gov.local.healthcheck.benchmark.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * OpenAPI metadata. The security scheme, Keycloak's OpenID Connect discovery, is declared in application.properties
 * so that its URL follows the environment; every secured operation requires it.
 */
@OpenAPIDefinition(
        info = @Info(title = "Social Work Health Check: benchmark API", version = "1.0",
                description = "Regional and national benchmarks of councils' workforce indicators. "
                        + "Errors are RFC 9457 problem+json."))
public class BenchmarkApplication extends Application {
}
