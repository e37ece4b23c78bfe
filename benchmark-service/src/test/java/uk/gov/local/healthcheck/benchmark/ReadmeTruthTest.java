package uk.gov.local.healthcheck.benchmark;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.infra.KafkaTestResource;
import uk.gov.local.healthcheck.infra.PostgresTestResource;
import uk.gov.local.healthcheck.infra.ReadmeTruth;

import java.io.IOException;

import static io.restassured.RestAssured.given;

/**
 * The README stays true to the code (issue "One house"): every path of the service's OpenAPI is named in its
 * Endpoints section, and every environment variable of application.properties in its Configuration section.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "benchmark"))
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "topics", value = Topics.INDICATORS + ":6," + Topics.INDICATORS + ".dlq:1"))
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
