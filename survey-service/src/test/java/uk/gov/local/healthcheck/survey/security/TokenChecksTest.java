package uk.gov.local.healthcheck.survey.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bad tokens get 401 and a token without the right gets 403 naming what is missing, both as problem+json, with
 * signed tokens rather than @TestSecurity so that the real token checks (signature, expiry, audience) run.
 */
@QuarkusTest
@WithKafkaAndPostgres
class TokenChecksTest {

    static final List<String> LGA = List.of("lga-admin");

    @Test
    void aValidTokenIsAccepted() {
        given().auth().oauth2(TestTokens.token("lga1", LGA, Map.of())).get("/api/v1/rounds").then().statusCode(200);
    }

    @Test
    void missingExpiredMisaddressedForgedOrGarbageTokensGet401ProblemJson() {
        for (String token : List.of(TestTokens.expired("lga1", LGA), TestTokens.forAudience("some-other-api", "lga1", LGA),
                TestTokens.signedByAnotherKey("lga1", LGA), "not-a-token")) {
            given().auth().oauth2(token).get("/api/v1/rounds").then().statusCode(401)
                    .contentType("application/problem+json").body("status", equalTo(401));
        }
        given().get("/api/v1/rounds").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aTokenWithoutThePlatformsRolesGets403NamingTheRolesNeeded() {
        given().auth().oauth2(TestTokens.token("someone", List.of("offline_access"), Map.of())).get("/api/v1/rounds")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("lga-admin")).body("detail", containsString("ria-analyst"));
        given().auth().oauth2(TestTokens.token("ria1", List.of("ria-analyst"), Map.of("region_code", "E12000007")))
                .contentType(ContentType.JSON).body("{\"id\":\"x-2024\",\"instrument\":\"workforce-return\",\"period\":\"2024\","
                        + "\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}")
                .post("/api/v1/rounds").then().statusCode(403).body("detail", containsString("lga-admin"));
    }

    @Test
    void scopeComesFromTheTokensClaimsNotFromThePath() {
        String council = TestTokens.token("council1", List.of("council-submitter"), Map.of("authority_code", "E10000031"));
        given().auth().oauth2(council).contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{}}")
                .put("/api/v1/rounds/any-round/returns/E08000025").then().statusCode(403)
                .body("detail", containsString("E10000031 only"));
        String viewer = TestTokens.token("viewer1", List.of("council-viewer"), Map.of("authority_code", "E10000031"));
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{}}")
                .put("/api/v1/rounds/any-round/returns/E10000031").then().statusCode(403)
                .body("detail", containsString("council-submitter"));
    }

    @Test
    void answersCarrySecurityHeadersAndRefuseForeignOrigins() {
        given().auth().oauth2(TestTokens.token("lga1", LGA, Map.of())).get("/api/v1/rounds").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store").header("Content-Security-Policy", containsString("default-src 'none'"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/rounds").then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "https://healthcheck.local.gov.uk").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/rounds").then().header("Access-Control-Allow-Origin", "https://healthcheck.local.gov.uk");
    }
}
