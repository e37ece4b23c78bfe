package uk.gov.local.healthcheck.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.restassured.RestAssured.given;

/**
 * A service's README held to its running application, as JUnit tests: a {@code @QuarkusTest} class that implements
 * this interface runs both, so every service checks its README the same way (through {@link ReadmeTruth}).
 */
public interface ReadmeTruthTests {

    @Test
    default void everyOpenApiPathIsInTheEndpointsSection() throws IOException {
        ReadmeTruth.ofModule().requireOpenApiPathsNamed(given().get("/q/openapi?format=json").then().statusCode(200).extract().path("paths"));
    }

    @Test
    default void everyEnvironmentVariableIsInTheConfigurationSection() throws IOException {
        ReadmeTruth.ofModule().requireEnvironmentVariablesNamed();
    }
}
