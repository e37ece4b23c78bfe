package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.metrics.support.WithKafkaAndPostgres;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static uk.gov.local.healthcheck.metrics.support.IndicatorsApi.PATH;
import static uk.gov.local.healthcheck.metrics.support.IndicatorsApi.indicators;
import static uk.gov.local.healthcheck.metrics.support.IndicatorsApi.series;

/** Who may call what, and that every error is a problem document. */
@QuarkusTest
@WithKafkaAndPostgres
class ApiAccessTest {

    @Test
    void noTokenIs401() {
        indicators("E10000031", "workforce-2024").then().statusCode(401);
        given().get("/api/v1/indicators").then().statusCode(401);
    }

    /**
     * Issue 10: every bad token, on every method, is a 401 problem+json with WWW-Authenticate (not an empty body),
     * decided before anything of the application runs.
     */
    @Test
    void everyBadTokenIsA401Problem() throws Exception {
        for (String token : BadTokens.all()) {
            for (String method : new String[]{"GET", "POST"}) {
                for (String path : new String[]{"/api/v1/authorities/E10000031/indicators?round=workforce-2024",
                        "/api/v1/admin/rebuild", "/api/v1/admin/dead-letters", "/api/v1/admin/dead-letters/1/replay"}) {
                    var request = given();
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    request.request(method, path).then().statusCode(401)
                            .contentType("application/problem+json")
                            .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                            .body("type", equalTo("https://healthcheck.local.gov.uk/problems/unauthorized"))
                            .body("title", equalTo("Unauthorized"))
                            .body("status", equalTo(401));
                }
            }
        }
    }

    /**
     * Without a token, or with a malformed Authorization header (not a JWT, an empty bearer, another scheme, the scheme
     * in lower case): 401 problem+json with the Bearer challenge, on the read endpoints and on a path or method that
     * does not exist (the HTTP permission on /api/* refuses before routing).
     */
    @Test
    void noOrAMalformedTokenIs401ProblemWithTheChallenge() {
        java.util.List<String> headers = new java.util.ArrayList<>(java.util.Arrays.asList(null, "Bearer not-a-jwt",
                "Bearer a.b.c", "Bearer ", "Basic dXNlcjpwYXNz", "bearer garbage", "garbage"));
        for (String authorization : headers) {
            for (String[] call : new String[][]{{"GET", "/api/v1/authorities/E10000031/indicators?round=workforce-2024"},
                    {"GET", "/api/v1/indicators"}, {"DELETE", "/api/v1/indicators"}, {"GET", "/api/v1/no-such-thing"}}) {
                var request = given();
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                request.request(call[0], call[1]).then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                        .body("type", equalTo("https://healthcheck.local.gov.uk/problems/unauthorized"))
                        .body("status", equalTo(401))
                        .body("detail", containsString("valid bearer token"));
            }
        }
    }

    @Test
    @TestSecurity(user = "viewer", roles = "council-viewer")
    void deadLettersAreForLgaAdminsOnly() {
        given().get("/api/v1/admin/dead-letters").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://healthcheck.local.gov.uk/problems/forbidden"));
        given().post("/api/v1/admin/dead-letters/1/dismiss").then().statusCode(403);
    }

    @Test
    void readinessIsTheDatabaseAndThePartitionsNotKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("kafka-consumer-partitions"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItem(containsString("smallrye-reactive-messaging"))));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.not(hasItem(containsString("smallrye-reactive-messaging"))));
    }

    @Test
    @TestSecurity(user = "council", roles = "council-submitter")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = "E10000031"))
    void councilSubmitterMayNotReadAnotherAuthority() {
        indicators("E06000001", "workforce-2024")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"))
                .body("type", equalTo("https://healthcheck.local.gov.uk/problems/forbidden"))
                .body("detail", containsString("only its own authority"))
                .body("detail", containsString("E10000031"));
    }

    @Test
    @TestSecurity(user = "council", roles = "council-submitter")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = "E10000031"))
    void councilSubmitterPassesTheCheckForItsOwnAuthority() {
        // Nothing stored for this round: the access check passes and the answer is "not found", not "forbidden".
        indicators("E10000031", "no-such-round")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "council", roles = "council-submitter")
    void councilSubmitterWithoutAuthorityClaimIsForbidden() {
        indicators("E10000031", "workforce-2024")
                .then().statusCode(403).body("detail", containsString("no authority_code claim"));
    }

    @Test
    @TestSecurity(user = "someone", roles = "unrelated-role")
    void otherRolesAreForbidden() {
        indicators("E10000031", "workforce-2024")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "analyst", roles = "ria-analyst")
    @OidcSecurity(claims = @Claim(key = "region_code", value = "E12000001"))
    void analystMayReadAnAuthorityOfItsRegion() {
        indicators("E06000001", "no-such-round")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://healthcheck.local.gov.uk/problems/not-found"));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "ria-analyst")
    @OidcSecurity(claims = @Claim(key = "region_code", value = "E12000001"))
    void analystMayNotReadAnotherRegion() {
        // Kent is in the South East (E12000008).
        indicators("E10000016", "workforce-2024")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("region E12000001"))
                .body("detail", containsString("E10000016 is in region E12000008"));
        series("E10000016", "turnover_rate").then().statusCode(403);
        // A code that is not in the register is in no region.
        indicators("E99999999", "workforce-2024")
                .then().statusCode(403).body("detail", containsString("not in the authority register"));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "ria-analyst")
    void analystWithoutRegionClaimIsForbidden() {
        indicators("E06000001", "workforce-2024")
                .then().statusCode(403).body("detail", containsString("no region_code claim"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "council-viewer")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = "E06000001"))
    void councilViewerReadsOnlyItsOwnAuthority() {
        indicators("E06000001", "no-such-round").then().statusCode(404);
        series("E06000001", "turnover_rate").then().statusCode(200)
                .body("points", hasSize(0)).body("unit", equalTo("percent"));
        indicators("E06000047", "workforce-2024")
                .then().statusCode(403).body("detail", containsString("only its own authority"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void unknownIndicatorSeriesIs404() {
        series("E06000001", "no_such_indicator")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no_such_indicator"));
    }

    @Test
    @TestSecurity(user = "council", roles = "council-submitter")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = "E06000001"))
    void onlyAnLgaAdminMayRebuild() {
        given().post("/api/v1/admin/rebuild").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("lga-admin"));
        given().get("/api/v1/admin/rebuild").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void missingRoundIs400() {
        given().get(PATH, "E10000031")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("round"))
                .body("errors.code", contains("required"));
        indicators("E10000031", " ").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void malformedCodeIs400NotA500() {
        indicators("Kent'; drop table x", "workforce-2024")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("code"));
        indicators("E10000031", "r".repeat(500))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void unknownPathIsAProblemToo() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "council", roles = "council-submitter")
    void dictionaryIsServedToAnyAuthenticatedUser() {
        given().get("/api/v1/indicators")
                .then().statusCode(200)
                .body("id", hasItems("turnover_rate", "agency_rate", "vacancy_rate", "absence_rate", "average_caseload"))
                .body("find { it.id == 'agency_rate' }.numerator", contains("staff.agency_fte"))
                .body("find { it.id == 'agency_rate' }.denominator", contains("staff.agency_fte", "staff.fte"))
                .body("find { it.id == 'agency_rate' }.unit", equalTo("percent"))
                .body("find { it.id == 'agency_rate' }.polarity", equalTo("lower-is-better"))
                .body("find { it.id == 'absence_rate' }.denominatorFactor", equalTo("working-days-in-year"))
                .body("find { it.id == 'average_caseload' }.unit", equalTo("number"))
                .body("find { it.id == 'average_caseload' }.scale", equalTo(1))
                .body("instrument", hasItems("workforce-return", "employer-health-check", "practitioner-survey"))
                .body("find { it.id == 'diversity_gender_female_share' }.numerator", contains("diversity.gender.female"))
                .body("find { it.id == 'diversity_age_30_39_share' }.denominator", contains("staff.headcount"))
                .body("find { it.id == 'frozen_post_rate' }.denominator", contains("s2.unfilled_fte"))
                .body("find { it.id == 'frozen_post_rate' }.polarity", equalTo("neither"))
                .body("find { it.id == 'std3.workload_control' }.unit", equalTo("percent"))
                .body("find { it.id == 'std3.workload_control' }.computedFrom", equalTo("responses"))
                .body("find { it.id == 'respondents' }.unit", equalTo("count"))
                .body("find { it.id == 'overall_score' }.polarity", equalTo("higher-is-better"))
                .body("find { it.id == 'unfilled_post_rate' }.source", containsString("Table 4"));
    }

    @Test
    void healthAndOpenApiAreOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/authorities/{code}/indicators"));
    }
}
