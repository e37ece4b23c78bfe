package uk.gov.local.healthcheck.survey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.infra.ReadmeTruth;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.io.IOException;

import static io.restassured.RestAssured.given;

/**
 * The README stays true to the code (issue "One house"): every path of the service's OpenAPI is named in its
 * Endpoints section, and every environment variable of application.properties in its Configuration section.
 */
@QuarkusTest
@WithKafkaAndPostgres
class ReadmeTruthTest {

    @Test
    void everyOpenApiPathIsInTheEndpointsSection() throws IOException {
        ReadmeTruth.ofModule().requireOpenApiPathsNamed(given().get("/q/openapi?format=json").then().statusCode(200).extract().path("paths"));
    }

    @Test
    void everyEnvironmentVariableIsInTheConfigurationSection() throws IOException {
        ReadmeTruth.ofModule().requireEnvironmentVariablesNamed();
    }
}
