package uk.gov.local.healthcheck.survey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.infra.KafkaTestResource;
import uk.gov.local.healthcheck.infra.PostgresTestResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The README stays true to the code (issue "One house"): every path of the service's OpenAPI is named in its
 * Endpoints section, and every environment variable of application.properties in its Configuration section.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "survey"), restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "topics", value = "survey.submissions.v1:6,metrics.indicators.v1:6"), restrictToAnnotatedClass = false)
class ReadmeTruthTest {

    @Test
    void everyOpenApiPathIsInTheEndpointsSection() throws IOException {
        Map<String, Object> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().path("paths");
        assertFalse(paths.isEmpty(), "the OpenAPI document has no paths");
        String section = section("Endpoints");
        var missing = new TreeSet<String>();
        for (String path : paths.keySet()) {
            String normalised = path.replaceAll("\\{([A-Za-z0-9_]+)[^}]*}", "{$1}");
            if (!Pattern.compile(Pattern.quote(normalised) + "(?![\\w/{-]|\\.\\w)").matcher(section).find()) {
                missing.add(normalised);
            }
        }
        assertEquals(new TreeSet<String>(), missing, "OpenAPI paths missing from README.md's Endpoints section");
    }

    @Test
    void everyEnvironmentVariableIsInTheConfigurationSection() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        String section = section("Configuration");
        var missing = new TreeSet<String>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(properties);
        while (variable.find()) {
            if (!Pattern.compile("\\b" + variable.group(1) + "\\b").matcher(section).find()) {
                missing.add(variable.group(1));
            }
        }
        assertEquals(new TreeSet<String>(), missing, "environment variables missing from README.md's Configuration section");
    }

    /** The text of the README's level-2 section {@code title}, up to the next level-2 heading. */
    static String section(String title) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher start = Pattern.compile("(?m)^## " + title + "\\s*$").matcher(readme);
        if (!start.find()) {
            throw new AssertionError("README.md has no section ## " + title);
        }
        Matcher end = Pattern.compile("(?m)^## ").matcher(readme);
        return readme.substring(start.end(), end.find(start.end()) ? end.start() : readme.length());
    }
}
