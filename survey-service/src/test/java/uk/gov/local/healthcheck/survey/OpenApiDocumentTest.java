package uk.gov.local.healthcheck.survey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The OpenAPI document councils generate their clients from is valid in the one way a generator trips over first:
 * every operation has an id and no two share one (OpenAPI 3: operationId is unique in the document). The
 * application is the one the other {@code @QuarkusTest}s start.
 */
@QuarkusTest
@WithKafkaAndPostgres
class OpenApiDocumentTest {

    @Test
    void everyOperationHasItsOwnId() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> ids = new ArrayList<>();
        paths.values().forEach(operations -> operations.values().stream()
                .filter(Map.class::isInstance) // a path's "parameters" is a list, not an operation
                .forEach(operation -> ids.add((String) ((Map<?, ?>) operation).get("operationId"))));
        assertFalse(ids.isEmpty(), "the OpenAPI document has no operations");
        assertFalse(ids.contains(null), "an operation has no operationId");
        Map<String, Long> repeated = ids.stream().collect(Collectors.groupingBy(id -> id, TreeMap::new, Collectors.counting()));
        repeated.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), repeated, "operationIds used more than once");
    }
}
