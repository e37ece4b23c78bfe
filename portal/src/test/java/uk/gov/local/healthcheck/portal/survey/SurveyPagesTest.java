package uk.gov.local.healthcheck.portal.survey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * The survey page that needs no API: the thank-you page, counted against the address's limit like every survey page.
 * (The survey as a social worker answers it runs in a real browser against the whole platform: deploy's PortalIT.)
 */
@QuarkusTest
class SurveyPagesTest {

    @Test
    void theThankYouPageCountsAgainstTheAddresssLimit() {
        given().get("/survey/any-link/sent").then().statusCode(200).body(containsString("Answers sent"));
        // the test profile keeps the default limit: 60 requests per address per minute
        for (int i = 1; i < 60; i++) {
            given().get("/survey/any-link/sent").then().statusCode(200);
        }
        given().get("/survey/any-link/sent").then().statusCode(429).header("Retry-After", "60");
    }
}
